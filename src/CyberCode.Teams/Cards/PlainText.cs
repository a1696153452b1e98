using System.Globalization;
using System.Text;
using CyberCode.Core.Answering;

namespace CyberCode.Teams.Cards;

/// <summary>An answer as plain text: the card's fallback, and the message when no card fits.</summary>
internal static class PlainText
{
    public static string Render(Answer answer, string footer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sb = new StringBuilder();
        if (answer.Answered && answer.Title is { Length: > 0 } title)
        {
            sb.Append(title).Append("\n\n");
        }

        sb.Append(answer.Text.Trim()).Append('\n');
        if (answer.Kind is AnswerKinds.Timeline or AnswerKinds.Changes or AnswerKinds.Notes or AnswerKinds.Section or AnswerKinds.Source)
        {
            if (answer.Citations.Count > 0)
            {
                sb.Append("\nSources: ").Append(string.Join(", ", answer.Citations.Select(c => c.PassageId).Distinct())).Append('\n');
            }
        }
        else
        {
            foreach (var c in answer.Citations)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n> \u201C{c.Quote}\u201D\n\u2014 {c.PassageId}, {c.Section}\n");
            }
        }

        if (answer.Suggestions.Count > 0)
        {
            sb.Append('\n').Append(answer.Kind == AnswerKinds.Suggestions ? "Did you mean:" : "Try:").Append('\n');
            foreach (var s in answer.Suggestions)
            {
                sb.Append("- ").Append(s).Append('\n');
            }
        }

        sb.Append('\n').Append(footer);
        return sb.ToString();
    }
}
