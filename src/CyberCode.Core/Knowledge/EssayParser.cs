using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CyberCode.Core.Knowledge;

/// <summary>
/// Turns the essay as published (a blog page saved as text) into passages. The page's chrome
/// (menus, "Comments", social links, footer) is dropped, reviewer markers such as <c>[JS3]</c>
/// are removed, the drop cap is joined to its paragraph, and a lead-in ending in a colon is kept
/// together with the quotation it introduces (including the quotation's lettered items).
/// </summary>
public static partial class EssayParser
{
    public static Essay Parse(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var lines = raw.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

        var writerLine = Array.FindIndex(lines, l => WriterLine().IsMatch(l));
        if (writerLine < 0)
        {
            throw new FormatException("The essay has no '• Writer: NAME' line, so its author and start cannot be found.");
        }

        var author = WriterLine().Match(lines[writerLine]).Groups["name"].Value.Trim();
        var title = lines.Take(writerLine).Select(l => l.Trim()).LastOrDefault(l => l.Length > 0)
            ?? throw new FormatException("The essay has no title line before its '• Writer:' line.");

        var dateLine = Array.FindIndex(lines, writerLine, l => DateLine().IsMatch(l));
        if (dateLine < 0)
        {
            throw new FormatException("The essay has no publication date line (such as '• Nov 30, 2017') after its writer line.");
        }

        var published = DateOnly.ParseExact(DateLine().Match(lines[dateLine]).Groups["date"].Value, "MMM d, yyyy", CultureInfo.InvariantCulture);

        // The body starts after the metadata bullets and ends where the page's comment box begins.
        var bodyStart = dateLine + 1;
        while (bodyStart < lines.Length && (lines[bodyStart].TrimStart().StartsWith('•') || IsBlank(lines[bodyStart])))
        {
            bodyStart++;
        }

        var bodyEnd = Array.FindIndex(lines, bodyStart, l => l.Trim() == "Comments");
        if (bodyEnd < 0)
        {
            bodyEnd = lines.Length;
        }

        var blocks = SplitBlocks(lines[bodyStart..bodyEnd]);
        return new Essay(title, author, published, BuildSections(blocks));
    }

    private static List<string> SplitBlocks(IEnumerable<string> lines)
    {
        var blocks = new List<string>();
        var current = new List<string>();
        foreach (var line in lines)
        {
            if (IsBlank(line))
            {
                Flush();
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        Flush();
        return blocks;

        void Flush()
        {
            if (current.Count > 0)
            {
                blocks.Add(string.Join(' ', current));
                current.Clear();
            }
        }
    }

    private static List<EssaySection> BuildSections(List<string> blocks)
    {
        var sections = new List<EssaySection>();
        string? sectionTitle = null;
        string? prefix = null;
        var passages = new List<Passage>();
        var order = 0;
        var pending = new StringBuilder();

        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (SectionHeading().Match(block) is { Success: true } heading)
            {
                CloseSection();
                sectionTitle = block.TrimEnd(':');
                prefix = heading.Groups["roman"].Success ? heading.Groups["roman"].Value : "N";
                continue;
            }

            if (sectionTitle is null)
            {
                // Text before the first "Part" heading would have no id scheme; the published essay has none.
                throw new FormatException($"The essay has text before its first 'Part …' heading: '{Shorten(block)}'.");
            }

            // A drop cap is published as a lone capital letter in a block of its own.
            if (block.Length == 1 && char.IsUpper(block[0]) && i + 1 < blocks.Count)
            {
                blocks[i + 1] = block + blocks[i + 1];
                continue;
            }

            var text = RemoveReviewerMarkers(block);
            if (pending.Length > 0)
            {
                pending.Append('\n');
            }

            pending.Append(text);
            var joined = pending.ToString();

            // Keep a lead-in ("… in the 2015 version:") with the quotation it introduces, and a
            // quotation with its items until its closing quotation mark.
            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            var leadIn = joined.EndsWith(':') && next is not null && StartsWithQuote(next);
            var openQuote = Count(joined, '\u201C') > Count(joined, '\u201D') && next is not null && !SectionHeading().IsMatch(next);
            if (leadIn || openQuote)
            {
                continue;
            }

            AddPassage(joined);
            pending.Clear();
        }

        if (pending.Length > 0)
        {
            AddPassage(pending.ToString());
        }

        CloseSection();
        return sections;

        void AddPassage(string text)
        {
            string id;
            if (prefix == "N")
            {
                var note = NoteNumber().Match(text);
                if (!note.Success)
                {
                    throw new FormatException($"A note does not start with its number: '{Shorten(text)}'.");
                }

                id = "N." + note.Groups["n"].Value;
                text = text[note.Length..];
            }
            else
            {
                id = $"{prefix}.{passages.Count + 1}";
            }

            passages.Add(new Passage(id, sectionTitle!, text, order++));
        }

        void CloseSection()
        {
            if (sectionTitle is not null && passages.Count > 0)
            {
                sections.Add(new EssaySection(sectionTitle, passages.ToArray()));
            }

            passages.Clear();
        }
    }

    /// <summary>
    /// Removes reviewer markers. A marker glued to a letter and followed by a space and a
    /// lower-case letter was dropped into the middle of a word ("abili[EF12] ty"): the word is
    /// joined. A marker before punctuation takes the space before the punctuation with it.
    /// </summary>
    public static string RemoveReviewerMarkers(string text)
    {
        text = MarkerInsideWord().Replace(text, string.Empty);
        text = MarkerBeforePunctuation().Replace(text, string.Empty);
        text = Marker().Replace(text, string.Empty);
        return MultipleSpaces().Replace(text, " ").Trim();
    }

    private static bool StartsWithQuote(string block) => block.Length > 0 && block[0] is '\u201C' or '"';

    private static int Count(string text, char c) => text.Count(x => x == c);

    private static bool IsBlank(string line) => line.All(char.IsWhiteSpace);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^\s*•\s*Writer:\s*(?<name>.+)$")]
    private static partial Regex WriterLine();

    [GeneratedRegex(@"^\s*•\s*(?<date>[A-Z][a-z]{2} \d{1,2}, \d{4})\s*$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(?:Part (?<roman>[IVX]+):.*|Notes:?)$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^(?<n>\d+)\.\s+")]
    private static partial Regex NoteNumber();

    [GeneratedRegex(@"(?<=\p{L})\[[A-Z]{1,4}\d+\] +(?=\p{Ll})")]
    private static partial Regex MarkerInsideWord();

    [GeneratedRegex(@"\s*\[[A-Z]{1,4}\d+\]\s*(?=[.,;:!?])")]
    private static partial Regex MarkerBeforePunctuation();

    [GeneratedRegex(@"\s*\[[A-Z]{1,4}\d+\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpaces();
}
