using System.Text.Json.Nodes;
using CyberCode.Core.Quizzes;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Cards;

namespace CyberCode.Teams.Quizzes;

/// <summary>
/// The reply to a quiz command or a quiz button: tables (score, leaderboard, stats) and the help
/// as cards, everything else (confirmations, refusals, what became of an answer) as one short line.
/// </summary>
/// <remarks>
/// Core marks refusals, answers and stats <see cref="QuizReply.Private"/> (ephemeral on Discord).
/// Teams has no message that only one member of a channel or group chat sees, so in a shared
/// conversation these are ordinary replies that start with the person's name, to say whom they are for.
/// </remarks>
internal static class QuizMessages
{
    private const int SummaryLength = 120;

    public static OutgoingActivity Reply(Activity to, QuizReply quiz)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(quiz);
        JsonObject? card = quiz.Kind switch
        {
            QuizReplyKind.Score when quiz.Scoreboard is { } board => QuizCards.Scoreboard(board),
            QuizReplyKind.Leaderboard when quiz.Standings.Count > 0 => QuizCards.Leaderboard(quiz.Standings),
            QuizReplyKind.Stats when quiz.Standings.Count > 0 => QuizCards.Stats(quiz.Standings[0], quiz.Text),
            QuizReplyKind.Help => QuizCards.Help(quiz.Text),
            _ => null,
        };
        if (card is null)
        {
            var text = quiz.Kind is QuizReplyKind.Refused or QuizReplyKind.Answer or QuizReplyKind.Stats ? ForPerson(to, quiz.Text) : quiz.Text;
            return Fit(OutgoingActivity.Message(to, text), text, t => OutgoingActivity.Message(to, t));
        }

        return Fit(OutgoingActivity.Card(to, card, Summary(quiz.Text)), quiz.Text, t => OutgoingActivity.Message(to, t));
    }

    /// <summary>A short line for the sender alone (e.g. the result of a button press).</summary>
    public static OutgoingActivity ForSender(Activity to, string text)
    {
        ArgumentNullException.ThrowIfNull(to);
        return OutgoingActivity.Message(to, ForPerson(to, text));
    }

    /// <summary>
    /// <paramref name="message"/> when it fits the Connector's 100 KB, else the plain text cut to
    /// fit, as answers do (<see cref="AnswerMessage"/>).
    /// </summary>
    public static OutgoingActivity Fit(OutgoingActivity message, string text, Func<string, OutgoingActivity> plain)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(plain);
        if (AnswerMessage.Fits(message))
        {
            return message;
        }

        var length = text.Length;
        var fallback = plain(text);
        while (!AnswerMessage.Fits(fallback) && length > 100)
        {
            length = length * 3 / 4;
            fallback = plain(text[..length] + "\u2026");
        }

        return fallback;
    }

    public static string Summary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= SummaryLength ? line : line[..SummaryLength].TrimEnd() + "\u2026";
    }

    /// <summary>In a shared conversation, "Ana: …"; in a personal chat the text as it is.</summary>
    private static string ForPerson(Activity to, string text) =>
        IsShared(to) && to.From?.Name is { Length: > 0 } name ? $"{name}: {text}" : text;

    private static bool IsShared(Activity activity) =>
        !string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);
}
