using System.Net;
using CyberCode.Core.Quizzes;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Quizzes;

/// <summary>
/// Shows Discord quizzes. A group quiz posts into its channel with the bot's token and edits the
/// question on reveal through REST, because a quiz may outlive the 15 minutes of the interaction
/// token that started it. A practice round is private, and only an interaction's follow-ups can be
/// ephemeral, so it goes through the token of the <c>/quiz practice</c> that started it
/// (<see cref="QuizTarget.ReplyTo"/>, see <see cref="DiscordReplyTo"/>): a practice round must end
/// within those 15 minutes, which 3-20 questions of at most a few minutes each do when played.
/// </summary>
/// <remarks>
/// Never throws for Discord's refusals: a deleted message or channel (404), a missing permission
/// (403) or an expired token is logged and that message is skipped; the quiz and its scores go on.
/// </remarks>
internal sealed partial class DiscordQuizPresenter(
    DiscordRestClient rest,
    DiscordIdentity identity,
    IOptions<DiscordOptions> options,
    ILogger<DiscordQuizPresenter> logger) : IQuizPresenter
{
    public const string ChannelName = "discord";

    public string Channel => ChannelName;

    public Task<string?> PostQuestionAsync(QuizQuestionView question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        return PostAsync(question.Target, QuizMessages.Question(question), "question", cancellationToken);
    }

    public async Task RevealAsync(QuizRevealView reveal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reveal);
        var message = QuizMessages.Reveal(reveal);
        if (reveal.MessageId is null)
        {
            // The question's post failed (or a restart lost it): show the answer as a new message.
            await PostAsync(reveal.Target, message, "reveal", cancellationToken);
            return;
        }

        await SendAsync(reveal.Target, "reveal", async (route, ct) =>
        {
            if (route.Token is { } token)
            {
                await rest.EditFollowupAsync(route.ApplicationId!, token, reveal.MessageId, message with { Flags = null }, ct);
            }
            else
            {
                await rest.EditMessageAsync(route.ChannelId, reveal.MessageId, message with { Flags = null }, ct);
            }

            return (string?)null;
        }, cancellationToken);
    }

    public Task PostScoreboardAsync(QuizScoreboardView scoreboard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoreboard);
        return PostAsync(scoreboard.Target, QuizMessages.Scoreboard(scoreboard), "scoreboard", cancellationToken);
    }

    private Task<string?> PostAsync(QuizTarget target, MessagePayload message, string what, CancellationToken cancellationToken) =>
        SendAsync(target, what, (route, ct) => route.Token is { } token
            ? rest.CreateFollowupAsync(route.ApplicationId!, token, message with { Flags = MessagePayload.Ephemeral }, ct)
            : rest.CreateMessageAsync(route.ChannelId, message, ct), cancellationToken);

    private async Task<string?> SendAsync(QuizTarget target, string what, Func<Route, CancellationToken, Task<string?>> send, CancellationToken cancellationToken)
    {
        var route = RouteOf(target);
        if (route is null)
        {
            return null;
        }

        try
        {
            return await send(route, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            // Someone deleted the message or the channel, or a practice round outlived its token.
            LogGone(logger, what, target.SessionId, route.ChannelId);
            return null;
        }
        catch (DiscordApiException ex) when (route.Token is not null && ex.Status == HttpStatusCode.Unauthorized)
        {
            LogTokenExpired(logger, what, target.SessionId);
            return null;
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException)
        {
            LogSendFailed(logger, ex, what, target.SessionId, route.ChannelId);
            return null;
        }
    }

    /// <summary>Where a quiz's messages go, or null (logged) when nowhere they may.</summary>
    private Route? RouteOf(QuizTarget target)
    {
        // A practice round's place is the player, not a channel: the channel comes with ReplyTo.
        var replyTo = DiscordReplyTo.Parse(target.ReplyTo);
        var channelId = replyTo.ChannelId ?? target.Place.ConversationId;
        if (target.Private)
        {
            var applicationId = identity.ApplicationId;
            if (replyTo.Token is { } token && applicationId is not null)
            {
                return new Route(channelId, applicationId, token);
            }

            if (target.Place.ScopeId is not null || replyTo.ChannelId is null)
            {
                // In a server a private round can only be an ephemeral follow-up; posting it would show it to all.
                LogNoPrivateRoute(logger, target.SessionId);
                return null;
            }

            // A DM is private already: the bot's token will do.
        }

        if (!options.Value.HasToken)
        {
            LogNoToken(logger, target.SessionId);
            return null;
        }

        return new Route(channelId, null, null);
    }

    private sealed record Route(string ChannelId, string? ApplicationId, string? Token);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "The quiz {What} of quiz {SessionId} was not shown: its message or channel {Channel} is gone (404)")]
    private static partial void LogGone(ILogger logger, string what, string sessionId, string channel);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Warning, Message = "The quiz {What} of practice round {SessionId} was not shown: its interaction token expired (15 minutes)")]
    private static partial void LogTokenExpired(ILogger logger, string what, string sessionId);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Warning, Message = "The quiz {What} of quiz {SessionId} could not be sent to channel {Channel}: does the bot have View Channel, Send Messages and Embed Links there?")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string what, string sessionId, string channel);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Error, Message = "Quiz {SessionId} runs unseen: posting quiz questions into a channel needs Discord:BotToken")]
    private static partial void LogNoToken(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 3505, Level = LogLevel.Warning, Message = "Practice round {SessionId} runs unseen: in a server it needs the token of the /quiz practice interaction (and Discord:ApplicationId)")]
    private static partial void LogNoPrivateRoute(ILogger logger, string sessionId);
}

/// <summary>
/// What the Discord channel puts in <see cref="Core.Incoming.ReplyTo"/> for a practice round:
/// in a server, the token of its interaction (its ephemeral follow-ups are sent with it); in a
/// DM, which is private anyway, the DM channel (a practice round's place is its player, not a
/// channel). Each is marked, so nothing else is taken for one.
/// </summary>
internal sealed record DiscordReplyTo(string? Token, string? ChannelId)
{
    private const string TokenPrefix = "interaction:";
    private const string ChannelPrefix = "channel:";

    public static string Interaction(string token) => TokenPrefix + token;

    public static string Channel(string channelId) => ChannelPrefix + channelId;

    public static DiscordReplyTo Parse(string? replyTo) => new(After(replyTo, TokenPrefix), After(replyTo, ChannelPrefix));

    private static string? After(string? text, string prefix) =>
        text is not null && text.StartsWith(prefix, StringComparison.Ordinal) && text.Length > prefix.Length ? text[prefix.Length..] : null;
}
