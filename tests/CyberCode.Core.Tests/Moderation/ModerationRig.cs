using CyberCode.Core.Answering;
using CyberCode.Core.Learning;
using CyberCode.Core.Moderation;
using CyberCode.Core.Quizzes;
using CyberCode.Core.Tests.Quizzes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CyberCode.Core.Tests.Moderation;

/// <summary>
/// The real bot engine over the repository's knowledge, with the in-memory knowledge store and a
/// question log that keeps events in a list: every message goes through <see cref="BotEngine.HandleAsync"/>
/// as a channel would send it.
/// </summary>
internal sealed class ModerationRig
{
    public const string ServerA = "guild-a";
    public const string ServerB = "guild-b";

    public ModerationRig(MemoryKnowledgeStore? store = null)
    {
        Store = store ?? new MemoryKnowledgeStore(Time);
        Scoped = new ScopedAnswers(Repo.Engine);
        var moderation = new ModerationService(Store, Scoped, Log, Time, NullLogger<ModerationService>.Instance);
        var quizzes = new QuizService(QuizRig.SmallBank, Repo.Knowledge, new MemoryQuizStore(), [], Options.Create(new QuizOptions()), Time, NullLogger<QuizService>.Instance);
        Bot = new BotEngine(Repo.Engine, Scoped, moderation, Log, quizzes, Time, NullLogger<BotEngine>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public MemoryKnowledgeStore Store { get; }

    public ScopedAnswers Scoped { get; }

    public ListQuestionLog Log { get; } = new();

    public BotEngine Bot { get; }

    public Task<Reply> ModeratorAsync(string text, string scope = ServerA, string user = "mod-1") =>
        Bot.HandleAsync(new Incoming(text, "discord", user, scope) { IsModerator = true }, CancellationToken.None);

    public Task<Reply> MemberAsync(string text, string scope = ServerA, string user = "member-1") =>
        Bot.HandleAsync(new Incoming(text, "discord", user, scope), CancellationToken.None);

    /// <summary>A command that must succeed: fails the test with the bot's words otherwise.</summary>
    public async Task<ModerationReply> DoAsync(string text, string scope = ServerA)
    {
        var reply = (await ModeratorAsync(text, scope)).Moderation;
        Assert.NotNull(reply);
        Assert.True(reply.Outcome is ModerationOutcome.Done or ModerationOutcome.Shown, $"{reply.Outcome}: {reply.Text}");
        return reply;
    }
}

/// <summary>An <see cref="IQuestionLog"/> that counts in a list, as the LiteDB one counts in documents.</summary>
internal sealed class ListQuestionLog : IQuestionLog
{
    private readonly List<QuestionEvent> _events = [];

    public Task RecordAsync(QuestionEvent questionEvent, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            _events.Add(questionEvent);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QuestionTally>> TopAsync(int limit, QuestionSignal? signal, CancellationToken cancellationToken) =>
        Top(_ => true, limit, signal);

    public Task<IReadOnlyList<QuestionTally>> TopInScopeAsync(string scope, int limit, QuestionSignal? signal, CancellationToken cancellationToken) =>
        Top(e => e.Scope == scope, limit, signal);

    private Task<IReadOnlyList<QuestionTally>> Top(Func<QuestionEvent, bool> counted, int limit, QuestionSignal? signal)
    {
        lock (_events)
        {
            IReadOnlyList<QuestionTally> tallies = [.. _events
                .Where(counted)
                .Where(e => signal is null || e.Signal == signal)
                .GroupBy(e => (Key: e.Question.Trim().ToLowerInvariant(), e.Signal, e.EntryId))
                .Select(g => new QuestionTally(g.Key.Key, g.Last().Question, g.Key.Signal, g.Count(), g.Min(e => e.At), g.Max(e => e.At),
                    [.. g.Select(e => e.ScopeId is null ? e.Channel : e.Channel + "/" + e.ScopeId).Distinct()], g.Key.EntryId))
                .OrderByDescending(t => t.Count)
                .Take(limit)];
            return Task.FromResult(tallies);
        }
    }
}
