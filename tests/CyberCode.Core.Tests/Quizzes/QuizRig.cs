using CyberCode.Core.Knowledge;
using CyberCode.Core.Quizzes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CyberCode.Core.Tests.Quizzes;

/// <summary>
/// A quiz service on a fake clock, an in-memory store (pass the same one to a second rig for a
/// restart) and a recording presenter, over a small bank built from real essay passages.
/// </summary>
internal sealed class QuizRig : IDisposable
{
    public const string Channel = "discord";
    public const string Scope = "guild-1";
    public const string Conversation = "channel-1";

    public QuizRig(MemoryQuizStore? store = null, FakeTimeProvider? time = null, QuizOptions? options = null, QuizBank? bank = null)
    {
        Store = store ?? new MemoryQuizStore();
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Bank = bank ?? SmallBank;
        Service = new QuizService(Bank, Repo.Knowledge, Store, [Presenter], Options.Create(options ?? new QuizOptions()), Time, NullLogger<QuizService>.Instance);
    }

    /// <summary>Eight items on real passages: five on "alpha", three on "beta"; the right choice cycles 1-4.</summary>
    public static QuizBank SmallBank { get; } = new([.. Repo.Knowledge.Essay.Passages.Take(8).Select((p, i) =>
    {
        var quote = p.Text[..Math.Min(40, p.Text.Length)];
        return new QuizItem(
            $"test-{i}",
            i < 5 ? "alpha" : "beta",
            $"Test question {i} about {p.Id}?",
            ["one", "two", "three", "four"],
            i % 4,
            $"Because passage {p.Id} says so.",
            [new Citation(p.Id, p.Section, quote, 0, quote.Length)],
            QuizOrigin.Curated);
    })]);

    public MemoryQuizStore Store { get; }

    public FakeTimeProvider Time { get; }

    public QuizBank Bank { get; }

    public RecordingPresenter Presenter { get; } = new(Channel);

    public QuizService Service { get; }

    public string? SessionId { get; private set; }

    public static Incoming Message(string text, string user, bool moderator = false) =>
        new(text, Channel, user, Scope) { ConversationId = Conversation, UserName = "Name-" + user, IsModerator = moderator };

    public async Task<QuizReply> SendAsync(string text, string user = "ana", bool moderator = false)
    {
        Assert.True(QuizCommand.TryParse(text, out var command), text);
        var reply = await Service.HandleAsync(command, Message(text, user, moderator), CancellationToken.None);
        SessionId = reply.SessionId ?? SessionId;
        return reply;
    }

    public Task<QuizAnswerResult> ClickAsync(string user, int question, int choice, string? sessionId = null) =>
        Service.SubmitAsync(new QuizClick(Channel, sessionId ?? SessionId!, question, choice, new QuizPlayer(user, "Name-" + user)), CancellationToken.None);

    /// <summary>The right (or, with <paramref name="right"/> false, a wrong) choice of the question posted last.</summary>
    public int Choice(bool right = true)
    {
        var q = Presenter.Questions[^1];
        var correct = Bank.Find(q.ItemId)!.Correct + 1;
        return right ? correct : correct % q.Choices.Count + 1;
    }

    public async Task AdvanceAsync(double seconds)
    {
        Time.Advance(TimeSpan.FromSeconds(seconds));
        await Service.WhenIdleAsync();
    }

    public void Dispose() => Service.Dispose();
}

/// <summary>Keeps what a channel would have shown; message ids m1, m2, … in posting order.</summary>
internal sealed class RecordingPresenter(string channel) : IQuizPresenter
{
    private readonly Lock _gate = new();
    private readonly List<QuizQuestionView> _questions = [];
    private readonly List<QuizRevealView> _reveals = [];
    private readonly List<QuizScoreboardView> _scoreboards = [];

    public string Channel => channel;

    public IReadOnlyList<QuizQuestionView> Questions { get { lock (_gate) { return [.. _questions]; } } }

    public IReadOnlyList<QuizRevealView> Reveals { get { lock (_gate) { return [.. _reveals]; } } }

    public IReadOnlyList<QuizScoreboardView> Scoreboards { get { lock (_gate) { return [.. _scoreboards]; } } }

    /// <summary>When set, every call fails, as a platform outage would.</summary>
    public bool Failing { get; set; }

    public Task<string?> PostQuestionAsync(QuizQuestionView question, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailing();
            _questions.Add(question);
            return Task.FromResult<string?>("m" + _questions.Count);
        }
    }

    public Task RevealAsync(QuizRevealView reveal, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailing();
            _reveals.Add(reveal);
        }

        return Task.CompletedTask;
    }

    public Task PostScoreboardAsync(QuizScoreboardView scoreboard, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfFailing();
            _scoreboards.Add(scoreboard);
        }

        return Task.CompletedTask;
    }

    private void ThrowIfFailing()
    {
        if (Failing)
        {
            throw new HttpRequestException("The platform is down.");
        }
    }
}
