using System.Text;

namespace CyberCode.Discord.Rendering;

/// <summary>Makes text safe to show on Discord: Markdown taken literally, mentions defused, limits kept.</summary>
internal static class DiscordText
{
    private const string Ellipsis = "…";

    /// <summary>
    /// Escapes the characters Discord's Markdown reads, so a question like <c>*why* _now_</c> shows
    /// as typed, and breaks "@everyone", "@here" and "&lt;@id&gt;" with a zero-width space, a
    /// second guard after <c>allowed_mentions</c> (which stops the ping but not the highlight).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']':
                    builder.Append('\\').Append(c);
                    break;
                // Headings, quotes and lists only begin a line.
                case '#' or '>' or '-' when lineStart:
                    builder.Append('\\').Append(c);
                    break;
                case '@':
                    builder.Append('@').Append('\u200B');
                    break;
                case '<':
                    builder.Append('<').Append('\u200B');
                    break;
                default:
                    builder.Append(c);
                    break;
            }

            lineStart = c == '\n' || (lineStart && c == ' ');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="max"/> characters at a word boundary
    /// (never inside an escape or a surrogate pair) and marks the cut with an ellipsis.
    /// </summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var end = max - Ellipsis.Length;
        var space = text.LastIndexOfAny([' ', '\n'], end, Math.Min(end + 1, 80));
        if (space > 0)
        {
            end = space;
        }

        while (end > 0 && (char.IsHighSurrogate(text[end - 1]) || TrailingBackslashes(text, end) % 2 == 1))
        {
            end--;
        }

        return text[..end].TrimEnd() + Ellipsis;
    }

    private static int TrailingBackslashes(string text, int end)
    {
        var count = 0;
        while (end - count - 1 >= 0 && text[end - count - 1] == '\\')
        {
            count++;
        }

        return count;
    }
}
