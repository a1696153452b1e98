using CyberCode.Core;
using CyberCode.Core.Quizzes;
using CyberCode.Teams.Quizzes;

namespace CyberCode.Teams.Activities;

internal sealed partial class ActivityHandler
{
    /// <summary>
    /// The message as Core sees it, with what quizzes need: the conversation, the sender's name,
    /// whether they moderate (<see cref="TeamsOptions.Moderators"/>), whether it is a personal
    /// chat, and where to post the quiz's questions later.
    /// </summary>
    private Incoming ToIncoming(Activity activity, string text) => new(text, Channel, UserId(activity), activity.TenantId)
    {
        ConversationId = QuizConversation(activity.Conversation?.Id),
        UserName = activity.From?.Name,
        IsModerator = options.Value.IsModerator(activity.From?.AadObjectId),
        IsDirect = string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase),
        ReplyTo = ConversationReference.From(activity).ToJson(),
    };

    /// <summary>A press on a quiz card's choice: what became of the answer, in one line to the sender.</summary>
    private async Task QuizChoiceAsync(Activity activity, SubmitAction action, Delivery delivery, CancellationToken cancellationToken)
    {
        string text;
        if (QuizButton.TryParse(action.String("button"), out var session, out var question, out var choice))
        {
            var player = ToIncoming(activity, string.Empty).Player;
            var result = await bot.Quizzes.SubmitAsync(new QuizClick(Channel, session, question, choice, player), cancellationToken);
            text = result.Message;
        }
        else
        {
            text = "That button does not belong to a quiz I know. Start one with \"quiz start\".";
        }

        await ReplyAsync(activity, QuizMessages.ForSender(activity, text), delivery, cancellationToken);
    }

    /// <summary>
    /// The place a quiz runs in. Every post in a Teams channel is its own conversation
    /// (<c>19:…@thread.tacv2;messageid=…</c>), but a study group's quiz belongs to the channel:
    /// one quiz per channel, and "quiz score" or a typed answer in another thread finds it. The
    /// questions still go to the thread where the quiz was started (the full id is in ReplyTo).
    /// </summary>
    internal static string? QuizConversation(string? conversationId)
    {
        if (conversationId is null)
        {
            return null;
        }

        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread > 0 ? conversationId[..thread] : conversationId;
    }
}
