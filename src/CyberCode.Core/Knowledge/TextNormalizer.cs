using System.Globalization;
using System.Text;

namespace CyberCode.Core.Knowledge;

/// <summary>
/// The one normalisation used to compare quotes with the essay: curly quotes become straight,
/// every run of white space becomes one space, and the result is trimmed. Case is kept, so a
/// quote still has to be the essay's words.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text) => NormalizeWithMap(text).Text;

    /// <summary>Normalises and returns, for each character of the result, its index in the input.</summary>
    public static (string Text, int[] Map) NormalizeWithMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                map.Add(i - 1);
                pendingSpace = false;
            }

            sb.Append(StraightenQuote(c));
            map.Add(i);
        }

        return (sb.ToString(), map.ToArray());
    }

    public static char StraightenQuote(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' => '"',
        _ => c,
    };

    /// <summary>
    /// Cleans text a person typed: NFKC (so full-width letters and ligatures become plain ones),
    /// control and format characters removed, white space collapsed, quotes straightened.
    /// </summary>
    public static string CleanUserText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string normalized;
        try
        {
            normalized = text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; drop them and go on.
            normalized = new string(text.Where(c => !char.IsSurrogate(c)).ToArray());
        }

        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            sb.Append(char.IsControl(c) ? ' ' : c);
        }

        return Normalize(sb.ToString());
    }
}
