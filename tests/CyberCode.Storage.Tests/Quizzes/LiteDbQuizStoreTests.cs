using CyberCode.Core.Quizzes;
using CyberCode.Storage.Quizzes;

namespace CyberCode.Storage.Tests.Quizzes;

public sealed class LiteDbQuizStoreTests : IDisposable
{
    private static readonly QuizPlace Place = new("discord", "guild-1", "channel-1");
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task AddAnswer_SamePlayerAndQuestionTwice_IsStoredOnce()
    {
        using var db = TestDatabase.OpenDatabase(_files.Path);
        var store = new LiteDbQuizStore(db);

        Assert.True(await store.AddAnswerAsync(Answer("ana", 1, correct: false), CancellationToken.None));
        Assert.False(await store.AddAnswerAsync(Answer("ana", 1, correct: true), CancellationToken.None));
        Assert.True(await store.AddAnswerAsync(Answer("ana", 2, correct: true), CancellationToken.None));

        var stored = await store.AnswersAsync("s1", CancellationToken.None);
        Assert.Equal([(1, false), (2, true)], stored.Select(a => (a.Question, a.Correct)));
    }

    [Fact]
    public async Task AddAnswer_HundredRacingCopies_ExactlyOneWins()
    {
        using var db = TestDatabase.OpenDatabase(_files.Path);
        var store = new LiteDbQuizStore(db);
        using var go = new ManualResetEventSlim();

        var races = Enumerable.Range(0, 100).Select(_ => Task.Run(() =>
        {
            go.Wait();
            return store.AddAnswerAsync(Answer("ana", 1, correct: true), CancellationToken.None);
        })).ToArray();
        go.Set();

        Assert.Equal(1, (await Task.WhenAll(races)).Count(won => won));
        Assert.Single(await store.AnswersAsync("s1", CancellationToken.None));
    }

    [Fact]
    public async Task Finish_CountsTheResultsOnce_AndPracticeNotAtAll()
    {
        using var db = TestDatabase.OpenDatabase(_files.Path);
        var store = new LiteDbQuizStore(db);
        var session = Session("s1");
        await store.SaveSessionAsync(session, CancellationToken.None);
        var ended = session with { End = QuizEnd.Completed, EndedAt = Now };
        QuizPlayerResult[] results = [new(new QuizPlayer("ana", "Ana"), 27, 3, 2)];

        Assert.True(await store.FinishAsync(ended, results, countInStandings: true, CancellationToken.None));
        Assert.False(await store.FinishAsync(ended, results, countInStandings: true, CancellationToken.None));
        Assert.True(await store.FinishAsync(Session("s2") with { End = QuizEnd.Completed }, results, countInStandings: false, CancellationToken.None));

        var standing = await store.StandingAsync(Place.ScopeKey, "ana", CancellationToken.None);
        Assert.Equal((27, 1, 3, 2), (standing!.Points, standing.Quizzes, standing.Answered, standing.Correct));
        Assert.Empty(await store.RunningSessionsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EverythingSurvivesReopeningTheFile()
    {
        var session = Session("s1") with { Question = 2, Deadline = Now.AddSeconds(30), Messages = ["m1", null], ReplyTo = "ref" };
        using (var db = TestDatabase.OpenDatabase(_files.Path))
        {
            var store = new LiteDbQuizStore(db);
            await store.SaveSessionAsync(session, CancellationToken.None);
            await store.AddAnswerAsync(Answer("ana", 1, correct: false), CancellationToken.None);
            await store.SaveSettingsAsync(Place.ScopeKey, new QuizSettings(45), CancellationToken.None);
            await store.FinishAsync(Session("old") with { End = QuizEnd.Completed }, [new(new QuizPlayer("ben", "Ben"), 15, 1, 1)], true, CancellationToken.None);
        }

        using (var db = TestDatabase.OpenDatabase(_files.Path))
        {
            var store = new LiteDbQuizStore(db);
            var running = Assert.Single(await store.RunningSessionsAsync(CancellationToken.None));
            Assert.Equal(session.Id, running.Id);
            Assert.Equal(session.Place, running.Place);
            Assert.Equal(session.ItemIds, running.ItemIds);
            Assert.Equal(session.Messages, running.Messages);
            Assert.Equal((2, Now.AddSeconds(30), "ref"), (running.Question, running.Deadline, running.ReplyTo));
            Assert.Single(await store.AnswersAsync("s1", CancellationToken.None));
            Assert.Equal(["item-1"], await store.MissesAsync("discord", "ana", CancellationToken.None));
            Assert.Equal(45, (await store.SettingsAsync(Place.ScopeKey, CancellationToken.None))!.AnswerSeconds);
            Assert.Equal("ben", Assert.Single(await store.LeaderboardAsync(Place.ScopeKey, 10, CancellationToken.None)).Player.Id);
            Assert.Equal(4, (await store.RecentItemsAsync(Place.Key, 10, CancellationToken.None)).Count);
        }
    }

    [Fact]
    public async Task ARightAnswer_TakesTheItemOffThePlayersMisses()
    {
        using var db = TestDatabase.OpenDatabase(_files.Path);
        var store = new LiteDbQuizStore(db);
        await store.AddAnswerAsync(Answer("ana", 1, correct: false), CancellationToken.None);
        await store.AddAnswerAsync(Answer("ana", 1, correct: true) with { SessionId = "s2" }, CancellationToken.None);

        Assert.Empty(await store.MissesAsync("discord", "ana", CancellationToken.None));
    }

    private static QuizSession Session(string id) =>
        new(id, Place, new QuizPlayer("ana", "Ana"), ["item-1", "item-2"], null, QuizMode.Group, 30, Now);

    private static QuizAnswer Answer(string player, int question, bool correct) =>
        new("s1", question, "item-" + question, new QuizPlayer(player, player), 1, correct, correct ? 12 : 0, Now.AddSeconds(question), "discord");
}
