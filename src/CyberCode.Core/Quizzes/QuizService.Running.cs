using CyberCode.Core.Answering;
using Microsoft.Extensions.Logging;

namespace CyberCode.Core.Quizzes;

/// <summary>The quiz in play, presenting, and the views handed to presenters.</summary>
public sealed partial class QuizService
{
    private void Background(Task task)
    {
        if (task.IsCompleted)
        {
            return;
        }

        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task<T?> PresentAsync<T>(QuizSession s, Func<IQuizPresenter, Task<T>> show)
    {
        if (!_presenters.TryGetValue(s.Place.Channel, out var presenter))
        {
            LogNoPresenter(s.Id, s.Place.Channel);
            return default;
        }

        try
        {
            return await show(presenter);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A platform outage loses a message, not a score: the quiz goes on.
            LogPresentFailed(ex, s.Id, s.Place.Channel);
            return default;
        }
    }

    private Running Track(QuizSession session, IReadOnlyList<QuizAnswer> answers)
    {
        var running = new Running(session, answers);
        _running[session.Id] = running;
        if (session.IsRunning)
        {
            _byPlace[session.Place.Key] = session.Id;
        }

        return running;
    }

    private static QuizTarget Target(QuizSession s) => new(s.Id, s.Place, s.ReplyTo, s.Mode, s.Starter);

    private static QuizQuestionView QuestionView(QuizSession s, QuizItem item) =>
        new(Target(s), s.Question, s.Count, item.Id, item.Topic, item.Question, item.Choices, s.Deadline, s.AnswerSeconds);

    private List<AnswerCitation> Citations(QuizItem item) =>
        [.. item.Citations.Select(c => new AnswerCitation(c.PassageId, c.Section, c.Quote, _knowledge.Essay.Find(c.PassageId)?.Text ?? c.Quote, c.Start, c.Length))];

    private static QuizAnswerResult AlreadyAnswered(int question) =>
        new(QuizAnswerStatus.AlreadyAnswered, $"You have already answered question {question}; one answer each. Wait for the reveal.");

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Quiz {SessionId} started in {Place}: {Count} questions, {Mode}")]
    private partial void LogStarted(string sessionId, string place, int count, QuizMode mode);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Quiz {SessionId} ended ({End}) with {Players} players")]
    private partial void LogFinished(string sessionId, QuizEnd end, int players);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Information, Message = "Resuming quiz {SessionId} in {Place} at question {Question} (closing: {Closing})")]
    private partial void LogResuming(string sessionId, string place, int question, bool closing);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Warning, Message = "No quiz presenter for channel {Channel}; quiz {SessionId} goes on unseen")]
    private partial void LogNoPresenter(string sessionId, string channel);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Warning, Message = "The {Channel} presenter failed for quiz {SessionId}; the quiz goes on")]
    private partial void LogPresentFailed(Exception exception, string sessionId, string channel);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Error, Message = "Quiz {SessionId} could not move on; its timer retries")]
    private partial void LogPlayFailed(Exception exception, string sessionId);

    /// <summary>A quiz in play. Everything but <see cref="Session"/> reads and <see cref="Snapshot"/> is done under <see cref="Gate"/>.</summary>
    private sealed class Running(QuizSession session, IReadOnlyList<QuizAnswer> answers)
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public List<QuizAnswer> Answers { get; } = [.. answers];

        public QuizSession Session
        {
            get => Volatile.Read(ref session);
            set => Volatile.Write(ref session, value);
        }

        public ITimer? Timer { get; set; }

        public void Add(QuizAnswer answer)
        {
            lock (Answers)
            {
                Answers.Add(answer);
            }
        }

        public bool Answered(int question, string playerId) =>
            Answers.Exists(a => a.Question == question && a.Player.Id == playerId);

        public HashSet<string> PlayersBefore(int question) =>
            Answers.Where(a => a.Question < question).Select(a => a.Player.Id).ToHashSet(StringComparer.Ordinal);

        /// <summary>The answers to one question, or all when null.</summary>
        public List<QuizAnswer> For(int? question) =>
            [.. Answers.Where(a => question is null || a.Question == question)];
    }
}
