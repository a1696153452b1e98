using System.Globalization;
using System.Text;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Learning;

/// <summary>
/// The form misses are counted under, so "What is the Tallinn Manual?" and "what is the tallinn
/// manual" are one row for a moderator, not two.
/// </summary>
public static class QuestionKey
{
    public static string From(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var cleaned = TextNormalizer.CleanUserText(question).ToLower(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(cleaned.Length);
        var space = false;
        foreach (var c in cleaned)
        {
            if (char.IsLetterOrDigit(c) || c is '\'' or '(' or ')')
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(c == '\'' ? string.Empty : c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}
