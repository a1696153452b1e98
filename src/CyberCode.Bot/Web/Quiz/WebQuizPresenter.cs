using System.Globalization;
using CyberCode.Core.Quizzes;

namespace CyberCode.Bot.Web.Quiz;

/// <summary>
/// Shows the web chat's quizzes: each question, reveal and scoreboard becomes an event in the
/// conversation's <see cref="WebQuizFeed"/>, which the page reads with <c>GET /api/quiz/events</c>.
/// </summary>
internal sealed class WebQuizPresenter(WebQuizFeed feed, TimeProvider time) : IQuizPresenter
{
    public const string ChannelName = "web";

    public string Channel => ChannelName;

    /// <summary>
    /// The conversation a quiz's events go to: the one the page sent (<c>ReplyTo</c>), which for a
    /// practice round differs from the engine's own place ("practice:…").
    /// </summary>
    public static string ConversationOf(QuizTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.ReplyTo ?? target.Place.ConversationId;
    }

    public Task<string?> PostQuestionAsync(QuizQuestionView question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var seq = feed.Append(ConversationOf(question.Target), n => new QuizEventJson(n, QuizEventJson.QuestionType, question.Target.SessionId, time.GetUtcNow())
        {
            Question = QuizQuestionJson.From(question),
        });
        return Task.FromResult<string?>(seq.ToString(CultureInfo.InvariantCulture));
    }

    public Task RevealAsync(QuizRevealView reveal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reveal);
        feed.Append(ConversationOf(reveal.Target), n => new QuizEventJson(n, QuizEventJson.RevealType, reveal.Target.SessionId, time.GetUtcNow())
        {
            Reveal = QuizRevealJson.From(reveal),
        });
        return Task.CompletedTask;
    }

    public Task PostScoreboardAsync(QuizScoreboardView scoreboard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scoreboard);
        feed.Append(ConversationOf(scoreboard.Target), n => new QuizEventJson(n, QuizEventJson.ScoreboardType, scoreboard.Target.SessionId, time.GetUtcNow())
        {
            Scoreboard = QuizScoreboardJson.From(scoreboard),
        });
        return Task.CompletedTask;
    }
}
