using System.Globalization;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Channels;
using CyberCode.Core.Learning;
using CyberCode.Core.Quizzes;
using CyberCode.Teams.Cards;
using CyberCode.Teams.Connector;
using CyberCode.Teams.Moderation;
using CyberCode.Teams.Quizzes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Teams.Activities;

/// <summary>Whether anything reached the person yet: a failure before that lets the Connector's retry through.</summary>
internal sealed class Delivery
{
    public bool Delivered { get; set; }
}

/// <summary>
/// What CyberCode does with each activity, after the endpoint has accepted it: questions (typed,
/// or from a card's suggestion button) get a typing indicator, then the answer card as a reply;
/// quiz commands go the same way and get a quiz reply (<see cref="QuizMessages"/>); a quiz
/// choice button is answered in one line; feedback is stored; the bot being added to a
/// conversation gets one welcome card; <c>kb</c> commands get a moderation card, and moderators'
/// forms (ActivityHandler.Moderation.cs) are sent and submitted. Anything else is ignored.
/// </summary>
internal sealed partial class ActivityHandler(BotEngine bot, AnswerEngine engine, ScopedAnswers scoped, ConnectorClient connector, IOptions<TeamsOptions> options, TimeProvider time, ILogger<ActivityHandler> logger)
{
    public const string Channel = "teams";

    // Teams sends one conversationUpdate per install, but a reinstall or a redelivery must not greet twice in a day.
    private readonly SeenIds _welcomed = new(time, TimeSpan.FromDays(1));

    private string Footer
    {
        get
        {
            var essay = engine.Knowledge.Essay;
            return string.Create(CultureInfo.InvariantCulture, $"Quoting \u201C{essay.Title}\u201D, {essay.Author}, {essay.Published:yyyy}");
        }
    }

    public async Task HandleAsync(Activity activity, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(delivery);
        switch (activity.Type)
        {
            case "message" when SubmitAction.From(activity) is { } action:
                await SubmitAsync(activity, action, delivery, cancellationToken);
                break;
            case "message":
                var text = Mentions.QuestionText(activity);
                // A bare @mention is a request for help, not an empty question.
                await AnswerAsync(activity, text.Length == 0 ? "help" : text, delivery, cancellationToken);
                break;
            case "conversationUpdate":
                await WelcomeAsync(activity, delivery, cancellationToken);
                break;
            default:
                LogIgnored(logger, activity.Type ?? "(none)");
                break;
        }
    }

    private async Task SubmitAsync(Activity activity, SubmitAction action, Delivery delivery, CancellationToken cancellationToken)
    {
        switch (action.Name)
        {
            case SubmitAction.Ask when action.String("question") is { Length: > 0 } question:
                await AnswerAsync(activity, question, delivery, cancellationToken);
                break;
            case SubmitAction.Feedback when action.String("question") is { Length: > 0 } question && action.Bool("helpful") is { } helpful:
                await bot.FeedbackAsync(new Feedback(question, helpful, Channel, UserId(activity), activity.TenantId, action.String("entryId"), action.String("kind")), cancellationToken);
                await ReplyAsync(activity, OutgoingActivity.Message(activity, helpful
                    ? "Thanks, glad it helped."
                    : "Thanks for saying so: answers marked not helpful are reviewed and improved."), delivery, cancellationToken);
                break;
            case SubmitAction.Quiz:
                await QuizChoiceAsync(activity, action, delivery, cancellationToken);
                break;
            case SubmitAction.Kb:
                await KbSubmitAsync(activity, action, delivery, cancellationToken);
                break;
            default:
                LogIgnored(logger, "card action " + action.Name);
                break;
        }
    }

    private async Task AnswerAsync(Activity activity, string question, Delivery delivery, CancellationToken cancellationToken)
    {
        await TypingAsync(activity, cancellationToken);
        if (await TryFormAsync(activity, question, delivery, cancellationToken))
        {
            return;
        }

        var incoming = ToIncoming(activity, question);
        var placeholder = await HoldPlaceAsync(activity, incoming, cancellationToken);
        var reply = await bot.HandleAsync(incoming, cancellationToken);
        var message = reply switch
        {
            { Quiz: { } quiz } => QuizMessages.Reply(activity, quiz),
            { Moderation: { } moderation } => ModerationCard.Message(activity, moderation, reply.Answer.Citations, Footer),
            _ => AnswerMessage.Build(activity, reply.Answer, Footer),
        };
        if (placeholder is not null)
        {
            try
            {
                await connector.UpdateAsync(activity.ServiceUrl!, activity.Conversation!.Id!, placeholder, message with { Id = placeholder }, cancellationToken);
                delivery.Delivered = true;
                return;
            }
            catch (ConnectorException ex)
            {
                // Deleted meanwhile, or not editable: say it as a new message instead.
                LogPlaceholderFailed(logger, ex);
            }
        }

        await ReplyAsync(activity, message, delivery, cancellationToken);
    }

    /// <summary>
    /// A quiz posts its first question as it starts, before the reply to "quiz start" could be
    /// sent; and a typed answer that closes a question (always so in a personal chat) posts the
    /// reveal and the next question before its "You chose 2". So a start that will go ahead is
    /// acknowledged first with "Starting a quiz…", and a typed answer to an open question with
    /// "Checking your answer…", which the reply then replaces in place: the reply stands above
    /// the next question. Returns that message's id; null for anything else, or when it could not be sent.
    /// </summary>
    private async Task<string?> HoldPlaceAsync(Activity activity, Incoming incoming, CancellationToken cancellationToken)
    {
        var holding = !QuizCommand.TryParse(incoming.Text, out var quiz) ? null
            : quiz.Verb == QuizVerb.Start && bot.Quizzes.StartRefusal(incoming, quiz) is null ? "Starting a quiz\u2026"
            : quiz.Verb == QuizVerb.Answer && bot.Quizzes.HasOpenQuestion(incoming) ? "Checking your answer\u2026"
            : null;
        if (holding is null)
        {
            return null;
        }

        try
        {
            var starting = OutgoingActivity.Message(activity, holding);
            return string.IsNullOrEmpty(activity.Id)
                ? await connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, starting with { ReplyToId = null }, cancellationToken)
                : await connector.ReplyAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id, starting, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            LogPlaceholderFailed(logger, ex);
            return null;
        }
    }

    private async Task WelcomeAsync(Activity activity, Delivery delivery, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        var added = activity.MembersAdded?.Any(m => botId is { Length: > 0 } && string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase)) == true;
        if (!added || !_welcomed.TryFirst(activity.Conversation!.Id!))
        {
            return;
        }

        try
        {
            var help = (await bot.HandleAsync(new Incoming("help", Channel, UserId(activity), activity.TenantId), cancellationToken)).Answer;
            var group = activity.Conversation.IsGroup == true || activity.Conversation.ConversationType is "channel" or "groupChat";
            var card = WelcomeCard.Render(help, engine.Knowledge.Essay.Title, group, Footer);
            var welcome = OutgoingActivity.Card(activity, card, "Hello, I'm CyberCode") with { ReplyToId = null };
            await connector.SendAsync(activity.ServiceUrl!, activity.Conversation.Id!, welcome, cancellationToken);
            delivery.Delivered = true;
        }
        catch
        {
            _welcomed.Forget(activity.Conversation.Id!);
            throw;
        }
    }

    private async Task TypingAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, OutgoingActivity.Typing(activity) with { ReplyToId = null }, cancellationToken);
        }
        catch (ConnectorException ex)
        {
            // Only a courtesy: the answer is still worth trying.
            LogTypingFailed(logger, ex);
        }
    }

    private async Task ReplyAsync(Activity activity, OutgoingActivity message, Delivery delivery, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            await connector.SendAsync(activity.ServiceUrl!, activity.Conversation!.Id!, message with { ReplyToId = null }, cancellationToken);
        }
        else
        {
            await connector.ReplyAsync(activity.ServiceUrl!, activity.Conversation!.Id!, activity.Id, message, cancellationToken);
        }

        delivery.Delivered = true;
    }

    private static string? UserId(Activity activity) =>
        activity.From?.AadObjectId is { Length: > 0 } aad ? aad : activity.From?.Id;

    [LoggerMessage(EventId = 2621, Level = LogLevel.Debug, Message = "Teams: ignored {What}")]
    private static partial void LogIgnored(ILogger logger, string what);

    [LoggerMessage(EventId = 2622, Level = LogLevel.Information, Message = "Teams: the typing indicator could not be sent; answering anyway")]
    private static partial void LogTypingFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2623, Level = LogLevel.Information, Message = "Teams: the \"Starting a quiz\" message could not be sent or replaced; the confirmation is sent as a new message")]
    private static partial void LogPlaceholderFailed(ILogger logger, Exception exception);
}
