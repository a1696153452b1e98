using CyberCode.Core.Answering;
using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Learning;
using CyberCode.Core.Moderation;
using CyberCode.Core.Quizzes;
using Microsoft.Extensions.Logging;

namespace CyberCode.Core;

/// <summary>
/// The single entry point every channel calls: an <see cref="Incoming"/> message in, a
/// <see cref="Reply"/> out. It answers questions and remembers the ones it missed, and hands quiz
/// commands to <see cref="QuizService"/> and <c>kb</c> commands to <see cref="ModerationService"/>.
/// Questions are answered by the engine of their scope (<see cref="ScopedAnswers"/>), so a
/// moderator's change shows in the next answer there and nowhere else.
/// </summary>
public sealed partial class BotEngine(
    AnswerEngine answers,
    ScopedAnswers scoped,
    ModerationService moderation,
    IQuestionLog questionLog,
    QuizService quizzes,
    TimeProvider time,
    ILogger<BotEngine> logger)
{
    /// <summary>Distinct recent questions whose answers are kept, per generation (two: a few MB in all).</summary>
    private const int CachedAnswers = 2048;

    private readonly AnswerCache _cache = new(CachedAnswers);

    /// <summary>Whether answers use the semantic model yet (for <c>/readyz</c>).</summary>
    public SemanticState SemanticState => answers.SemanticState;

    /// <summary>The quizzes: for button presses (<see cref="QuizService.SubmitAsync"/>) and presenters.</summary>
    public QuizService Quizzes => quizzes;

    /// <summary>The knowledge base commands: for forms (a Discord modal, a Teams card) that fill a <see cref="KbCommand"/> themselves.</summary>
    public ModerationService Moderation => moderation;

    public async Task<Reply> HandleAsync(Incoming incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        cancellationToken.ThrowIfCancellationRequested();

        if (KbCommand.TryParse(incoming.Text, out var kb))
        {
            var result = await moderation.HandleAsync(kb, incoming, cancellationToken);
            var answered = result.Outcome is ModerationOutcome.Done or ModerationOutcome.Shown;
            var citations = result.Citations.Select(c => Passages.Cite(c, answers.Knowledge.Essay)).ToArray();
            return new Reply(new Answer(FirstLine(incoming.Text), answered, AnswerKinds.Moderation, result.Text, 1.0, citations, result.Commands) { EntryId = result.EntryId })
            {
                Moderation = result,
            };
        }

        // Every scope's view of the knowledge is built before its first question (the CLI's host never starts).
        await moderation.EnsureLoadedAsync(cancellationToken);

        // A bare number is a quiz answer; with no question open the quiz service says so and how
        // to start one, rather than the number being asked as a question ("2" matched paragraph
        // 2(7)). The CLI picks a suggestion with a number before it gets here.
        if (QuizCommand.TryParse(incoming.Text, out var command))
        {
            var quiz = await quizzes.HandleAsync(command, incoming, cancellationToken);
            var text = incoming.Text.Trim();
            return new Reply(new Answer(text, true, QuizService.AnswerKind, quiz.Text, 1.0, [], [])) { Quiz = quiz };
        }

        var scope = Scopes.Of(incoming);
        var view = scoped.For(scope);
        var answer = _cache.GetOrAdd(incoming.Text, scope, view.Version, answers.SemanticState, view.Engine.Ask);
        if (IsMiss(answer))
        {
            await RecordAsync(new QuestionEvent(answer.Question, QuestionSignal.Miss, incoming.Channel, incoming.ScopeId, null, answer.Kind, time.GetUtcNow()), cancellationToken);
        }

        return new Reply(answer);
    }

    private static string FirstLine(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? trimmed : trimmed[..end].TrimEnd();
    }

    /// <summary>Stores "helpful" or "not helpful" on an answer, counted like misses.</summary>
    public Task FeedbackAsync(Feedback feedback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var question = feedback.Question.Trim();
        if (question.Length == 0)
        {
            throw new ArgumentException("Feedback needs the question the answer was for.", nameof(feedback));
        }

        if (question.Length > AnswerEngine.MaxQuestionLength)
        {
            question = question[..AnswerEngine.MaxQuestionLength];
        }

        var signal = feedback.Helpful ? QuestionSignal.Helpful : QuestionSignal.NotHelpful;
        return RecordAsync(new QuestionEvent(question, signal, feedback.Channel, feedback.ScopeId, feedback.EntryId, feedback.AnswerKind ?? string.Empty, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// A miss is a real question the bot could not answer: a decline or only suggestions. Help,
    /// refusals of empty or over-long input, and the like are not misses.
    /// </summary>
    private static bool IsMiss(Answer answer) =>
        !answer.Answered
        && answer.Kind is AnswerKinds.Decline or AnswerKinds.Suggestions
        && !string.IsNullOrWhiteSpace(answer.Question);

    private async Task RecordAsync(QuestionEvent questionEvent, CancellationToken cancellationToken)
    {
        try
        {
            await questionLog.RecordAsync(questionEvent, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The person still gets the answer; a moderator loses one tally, and the log says why.
            LogRecordFailed(logger, ex, questionEvent.Signal);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Could not store a {Signal} in the question log; the answer was still given")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, QuestionSignal signal);
}
