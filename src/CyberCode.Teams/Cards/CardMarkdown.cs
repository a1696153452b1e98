using System.Text;

namespace CyberCode.Teams.Cards;

/// <summary>
/// Makes people's text show as written in an Adaptive Card. Teams renders a Markdown subset in
/// TextBlocks and facts (emphasis, links, lists, headings), so an entry titled "*the* [code](…)"
/// would come out bold and as a link, and a line starting "- " or "1. " as a list. Each
/// character Markdown could act on is escaped with a backslash, which the renderer removes. Text
/// that must be copied exactly (the export) goes in a RichTextBlock's TextRun instead, which is
/// never parsed as Markdown.
/// </summary>
internal static class CardMarkdown
{
    private const string Special = "\\*_[]()`#>~<|";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var sb = new StringBuilder(text.Length + 16);
        for (var l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                sb.Append('\n');
            }

            EscapeLine(lines[l], sb);
        }

        return sb.ToString();
    }

    private static void EscapeLine(string line, StringBuilder sb)
    {
        var indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t')
        {
            indent++;
        }

        sb.Append(line, 0, indent);
        var start = indent;

        // A list marker only counts at the start of a line: "- ", "+ ", "* " and "12. " or "12) ".
        if (start + 1 < line.Length && line[start] is '-' or '+' && line[start + 1] == ' ')
        {
            sb.Append('\\').Append(line[start]);
            start++;
        }
        else
        {
            var digits = start;
            while (digits < line.Length && char.IsAsciiDigit(line[digits]))
            {
                digits++;
            }

            if (digits > start && digits + 1 < line.Length && line[digits] == '.' && line[digits + 1] == ' ')
            {
                sb.Append(line, start, digits - start).Append("\\.");
                start = digits + 1;
            }
        }

        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }
    }
}
