using CyberCode.Core.Quizzes;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Auth;
using CyberCode.Teams.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Teams.Quizzes;

/// <summary>
/// Shows Teams quizzes: Core calls it from the quiz's timer (or from the last awaited answer), not
/// from a request, so it posts through the Connector to the conversation stored with the quiz
/// (<see cref="ConversationReference"/> in <see cref="QuizTarget.ReplyTo"/>). The question card is
/// sent as a new activity and, at the reveal, replaced in place (PUT) by the answer card. Tokens and
/// retries are the <see cref="ConnectorClient"/>'s. Nothing is thrown: a failure loses one message,
/// is logged, and the quiz goes on.
/// </summary>
/// <remarks>
/// A practice round (<see cref="QuizTarget.Private"/>) started in a channel or group chat is
/// posted there too: Teams cannot show a message to one member only. Its cards say whose round it is.
/// </remarks>
internal sealed partial class TeamsQuizPresenter(ConnectorClient connector, IOptions<TeamsOptions> options, ILogger<TeamsQuizPresenter> logger) : IQuizPresenter
{
    public string Channel => ActivityHandler.Channel;

    public async Task<string?> PostQuestionAsync(QuizQuestionView question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (Reference(question.Target) is not { } to)
        {
            return null;
        }

        var message = QuizMessages.Fit(
            OutgoingActivity.Card(to, QuizCards.Question(question), QuizMessages.Summary(question.Question)),
            QuizText.Question(question),
            t => OutgoingActivity.Message(to, t));
        return await SendAsync(to, message, question.Target, "question", cancellationToken);
    }

    public async Task RevealAsync(QuizRevealView reveal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reveal);
        if (Reference(reveal.Target) is not { } to)
        {
            return;
        }

        var message = QuizMessages.Fit(
            OutgoingActivity.Card(to, QuizCards.Reveal(reveal), QuizMessages.Summary(QuizText.Who(reveal))),
            QuizText.Reveal(reveal),
            t => OutgoingActivity.Message(to, t));
        if (reveal.MessageId is { Length: > 0 } id)
        {
            try
            {
                await connector.UpdateAsync(to.ServiceUrl, to.ConversationId, id, message with { Id = id }, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The question's card was deleted or can no longer be edited: the answer still matters, so post it.
                LogUpdateFailed(logger, ex, reveal.Target.SessionId, reveal.Question.Number);
            }
        }

        await SendAsync(to, message, reveal.Target, "reveal", cancellationToken);
    }

    public async Task PostScoreboardAsync(QuizScoreboardView scoreboard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoreboard);
        if (Reference(scoreboard.Target) is not { } to)
        {
            return;
        }

        var text = QuizText.Scoreboard(scoreboard);
        var message = QuizMessages.Fit(
            OutgoingActivity.Card(to, QuizCards.Scoreboard(scoreboard), QuizMessages.Summary(text)),
            text,
            t => OutgoingActivity.Message(to, t));
        await SendAsync(to, message, scoreboard.Target, "scoreboard", cancellationToken);
    }

    private async Task<string?> SendAsync(ConversationReference to, OutgoingActivity message, QuizTarget target, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.SendAsync(to.ServiceUrl, to.ConversationId, message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, ex, what, target.SessionId);
            return null;
        }
    }

    /// <summary>Where the quiz's messages go, or null (logged) when the stored reference is missing or may not be used.</summary>
    private ConversationReference? Reference(QuizTarget target)
    {
        var to = ConversationReference.Parse(target.ReplyTo);
        if (to is null)
        {
            LogNoReference(logger, target.SessionId);
            return null;
        }

        if (options.Value.IsLocalDevelopment && !InboundAuth.IsLoopback(to.ServiceUrl))
        {
            // As inbound: without an app id the bot talks only to a Connector on this machine
            // (a quiz stored while the bot had one does not change that).
            LogNotLoopback(logger, target.SessionId);
            return null;
        }

        return to;
    }

    [LoggerMessage(EventId = 2641, Level = LogLevel.Warning, Message = "Teams: quiz {SessionId} has no usable conversation reference; its messages cannot be posted")]
    private static partial void LogNoReference(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 2642, Level = LogLevel.Warning, Message = "Teams: quiz {SessionId} would post to a Connector that is not on this machine, which local development mode does not allow")]
    private static partial void LogNotLoopback(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 2643, Level = LogLevel.Error, Message = "Teams: the quiz {What} of quiz {SessionId} could not be posted; the quiz goes on")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string what, string sessionId);

    [LoggerMessage(EventId = 2644, Level = LogLevel.Warning, Message = "Teams: the card of question {Question} of quiz {SessionId} could not be updated; posting the answer as a new message")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, string sessionId, int question);
}
