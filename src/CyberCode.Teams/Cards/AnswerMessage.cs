using System.Text.Json;
using CyberCode.Core.Answering;
using CyberCode.Teams.Activities;

namespace CyberCode.Teams.Cards;

/// <summary>
/// The message that carries an answer, kept under the Connector's 100 KB limit (above it Teams
/// refuses with 413 MessageSizeTooBig): the full card if it fits, then with less detail, and as a
/// last resort plain text cut to fit.
/// </summary>
internal static class AnswerMessage
{
    /// <summary>100 KB, less room for what the Connector adds on its way.</summary>
    public const int MaxBytes = 100 * 1024 - 4096;

    private const int SummaryLength = 120;

    public static OutgoingActivity Build(Activity to, Answer answer, string footer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var summary = Summary(answer.Answered && answer.Title is { Length: > 0 } t ? t : answer.Text);
        foreach (var detail in new[] { CardDetail.Full, CardDetail.QuotesOnly, CardDetail.Shortened })
        {
            var card = AnswerCard.Render(answer, footer, detail);
            var message = OutgoingActivity.Card(to, card, summary);
            if (Fits(message))
            {
                return message;
            }

            // The fallback text alone may be what is too long.
            card["fallbackText"] = Summary(PlainText.Render(answer, footer), 2000);
            if (Fits(message))
            {
                return message;
            }
        }

        var text = PlainText.Render(answer, footer);
        var plain = OutgoingActivity.Message(to, text);
        var length = text.Length;
        while (!Fits(plain) && length > 100)
        {
            length = length * 3 / 4;
            plain = OutgoingActivity.Message(to, text[..length] + "\u2026");
        }

        return plain;
    }

    public static int Size(OutgoingActivity message) => JsonSerializer.SerializeToUtf8Bytes(message, ActivityJson.Options).Length;

    public static bool Fits(OutgoingActivity message) => Size(message) <= MaxBytes;

    private static string Summary(string text, int max = SummaryLength)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= max ? line : line[..max].TrimEnd() + "\u2026";
    }
}
