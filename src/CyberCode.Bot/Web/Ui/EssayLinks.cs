using CyberCode.Core.Knowledge;

namespace CyberCode.Bot.Web.Ui;

/// <summary>
/// Where a quote lives in the essay reader, and how to find it there again. The chat's script
/// builds the same links (<c>chat.js</c>, <c>essayLink</c>); keep the two in step.
/// </summary>
internal static class EssayLinks
{
    /// <summary>Quotes longer than this in a link are ignored by the reader: no quote in the essay is.</summary>
    public const int MaxQuoteLength = 4000;

    /// <summary><c>/essay?hl=QUOTE#ID</c>: the passage as the anchor, the quoted words to highlight in it.</summary>
    public static string For(string passageId, string? quote) =>
        string.IsNullOrEmpty(quote)
            ? $"/essay#{Uri.EscapeDataString(passageId)}"
            : $"/essay?hl={Uri.EscapeDataString(quote)}#{Uri.EscapeDataString(passageId)}";

    /// <summary>
    /// Where <paramref name="quote"/> stands in <paramref name="passageText"/>, comparing as the
    /// knowledge loader does (white space and curly quotes normalised), then ignoring case.
    /// </summary>
    public static (int Start, int Length)? Locate(string passageText, string quote)
    {
        var wanted = TextNormalizer.Normalize(quote);
        if (wanted.Length == 0)
        {
            return null;
        }

        var (text, map) = TextNormalizer.NormalizeWithMap(passageText);
        var at = text.IndexOf(wanted, StringComparison.Ordinal);
        if (at < 0)
        {
            at = text.IndexOf(wanted, StringComparison.OrdinalIgnoreCase);
        }

        if (at < 0)
        {
            return null;
        }

        var start = map[at];
        var end = map[at + wanted.Length - 1] + 1;
        return (start, end - start);
    }
}
