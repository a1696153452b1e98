using CyberCode.Bot.Web.Quiz;

namespace CyberCode.Bot.Tests.Web;

/// <summary>The web chat's in-memory quiz feed: ordered, bounded, and forgetting idle conversations.</summary>
public sealed class WebQuizFeedTests
{
    private readonly ManualTime _time = new();

    [Fact]
    public async Task Read_AfterACursor_ReturnsOnlyNewerEventsInOrder()
    {
        var feed = new WebQuizFeed(_time);
        for (var i = 0; i < 3; i++)
        {
            feed.Append("tab-a", Question);
        }

        var read = await feed.ReadAsync("tab-a", 1, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal([2L, 3L], read.Events.Select(e => e.Seq));
        Assert.Equal(3, read.Last);
        Assert.True(read.Running);
    }

    [Fact]
    public async Task Append_PastTheCap_KeepsTheLatestEvents()
    {
        var feed = new WebQuizFeed(_time);
        for (var i = 0; i < WebQuizFeed.MaxEvents + 10; i++)
        {
            feed.Append("tab-a", Question);
        }

        var read = await feed.ReadAsync("tab-a", 0, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(WebQuizFeed.MaxEvents, read.Events.Count);
        Assert.Equal(WebQuizFeed.MaxEvents + 10, read.Events[^1].Seq);
    }

    [Fact]
    public async Task Conversation_IdleLongerThanTheExpiry_IsForgotten()
    {
        var feed = new WebQuizFeed(_time);
        feed.Append("tab-a", Question);

        _time.Advance(WebQuizFeed.IdleExpiry + TimeSpan.FromMinutes(2));
        feed.Append("tab-b", Question);

        Assert.Equal(1, feed.Count);
        var read = await feed.ReadAsync("tab-a", 0, TimeSpan.Zero, CancellationToken.None);
        Assert.Empty(read.Events);
        Assert.False(read.Running);
    }

    [Fact]
    public async Task Conversations_PastTheCap_TheIdlestGoesFirst()
    {
        var feed = new WebQuizFeed(_time);
        for (var i = 0; i <= WebQuizFeed.MaxConversations; i++)
        {
            feed.Append("tab-" + i, Question);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(WebQuizFeed.MaxConversations, feed.Count);
        Assert.Empty((await feed.ReadAsync("tab-0", 0, TimeSpan.Zero, CancellationToken.None)).Events);
        Assert.Single((await feed.ReadAsync("tab-1", 0, TimeSpan.Zero, CancellationToken.None)).Events);
    }

    [Fact]
    public async Task Read_CursorPastTheEnd_StartsAgainFromTheFirstEvent()
    {
        var feed = new WebQuizFeed(_time);
        feed.Append("tab-a", Question);

        // A tab that kept its cursor across a restart of the service.
        var read = await feed.ReadAsync("tab-a", 40, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(1, Assert.Single(read.Events).Seq);
    }

    [Fact]
    public async Task Read_AfterTheScoreboard_IsNotRunningAndDoesNotWait()
    {
        var feed = new WebQuizFeed(_time);
        feed.Append("tab-a", Question);
        feed.Append("tab-a", n => new QuizEventJson(n, QuizEventJson.ScoreboardType, "abcdefgh", _time.GetUtcNow()));

        var read = await feed.ReadAsync("tab-a", 2, TimeSpan.FromMinutes(5), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(read.Running);
        Assert.Empty(read.Events);
    }

    private QuizEventJson Question(long n) => new(n, QuizEventJson.QuestionType, "abcdefgh", _time.GetUtcNow());

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
