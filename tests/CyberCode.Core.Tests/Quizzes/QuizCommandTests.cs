using CyberCode.Core.Answering;
using CyberCode.Core.Quizzes;

namespace CyberCode.Core.Tests.Quizzes;

public sealed class QuizCommandTests : IDisposable
{
    private readonly QuizRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Theory]
    [InlineData("quiz", QuizVerb.Start, null, null)]
    [InlineData("/quiz start", QuizVerb.Start, null, null)]
    [InlineData("Quiz start 5 human rights", QuizVerb.Start, 5, "human rights")]
    [InlineData("quiz start sovereignty 12", QuizVerb.Start, 12, "sovereignty")]
    [InlineData("quiz 7", QuizVerb.Start, 7, null)]
    [InlineData("quiz sco", QuizVerb.Start, null, "sco")]
    [InlineData("quiz stop", QuizVerb.Stop, null, null)]
    [InlineData("quiz score", QuizVerb.Score, null, null)]
    [InlineData("leaderboard", QuizVerb.Leaderboard, null, null)]
    [InlineData("quiz stats", QuizVerb.Stats, null, null)]
    [InlineData("quiz practice 4 un", QuizVerb.Practice, 4, "un")]
    [InlineData("quiz topics", QuizVerb.Topics, null, null)]
    [InlineData("quiz settings seconds 45", QuizVerb.Settings, 45, null)]
    [InlineData("3", QuizVerb.Answer, 3, null)]
    public void Parse_QuizGrammar(string text, QuizVerb verb, int? count, string? topic)
    {
        Assert.True(QuizCommand.TryParse(text, out var command));
        Assert.Equal(new QuizCommand(verb, count, topic), command);
    }

    [Theory]
    [InlineData("define cyber sovereignty")]
    [InlineData("what is the leaderboard of cyber powers")]
    [InlineData("")]
    [InlineData("12 September 2011")]
    public void Parse_OtherText_IsNotAQuizCommand(string text) =>
        Assert.False(QuizCommand.TryParse(text, out _));

    [Theory]
    [InlineData("quiz start 2")]
    [InlineData("quiz start 21")]
    [InlineData("quiz settings seconds 5")]
    public async Task OutOfRangeNumbers_GetAFriendlyRefusal(string text)
    {
        var reply = await _rig.SendAsync(text);

        Assert.Equal(QuizReplyKind.Refused, reply.Kind);
        Assert.Empty(_rig.Presenter.Questions);
    }

    [Fact]
    public async Task SecondStartInTheChannel_SaysOneIsRunning()
    {
        await _rig.SendAsync("quiz start 3");
        var second = await _rig.SendAsync("quiz start 5", "ben");

        Assert.Equal(QuizReplyKind.Refused, second.Kind);
        Assert.Contains("already running", second.Text, StringComparison.Ordinal);
        Assert.Single(_rig.Presenter.Questions);
    }

    [Fact]
    public async Task TopicWithNoQuestions_ListsTheTopics()
    {
        var reply = await _rig.SendAsync("quiz start 3 astrology");

        Assert.Equal(QuizReplyKind.Refused, reply.Kind);
        Assert.Equal(["alpha", "beta"], reply.Topics);
        Assert.Contains("alpha (5)", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Topic_AsksOnlyItsItems_NeverOneTwice()
    {
        await _rig.SendAsync("quiz start 5 beta");
        for (var q = 1; q <= 3; q++)
        {
            await _rig.AdvanceAsync(30);
            await _rig.ClickAsync("ana", q + 1, 1);
        }

        var asked = _rig.Presenter.Questions.Select(q => q.ItemId).ToList();
        Assert.Equal(3, asked.Count); // beta has three
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.All(asked, id => Assert.Equal("beta", _rig.Bank.Find(id)!.Topic));
    }

    [Fact]
    public async Task NextQuizInTheChannel_AvoidsTheItemsJustAsked()
    {
        await _rig.SendAsync("quiz start 4");
        await _rig.SendAsync("quiz stop");
        var first = (await _rig.Store.RecentItemsAsync(QuizRig.Message("x", "x").Place.Key, 10, CancellationToken.None)).ToHashSet();

        await _rig.SendAsync("quiz start 4");
        await _rig.SendAsync("quiz stop");
        var session = await _rig.Store.FindSessionAsync(_rig.SessionId!, CancellationToken.None);

        Assert.Equal(4, first.Count);
        Assert.Equal(4, session!.ItemIds.Count(id => !first.Contains(id))); // eight items: four fresh ones exist
    }

    [Fact]
    public async Task Stop_ByAnotherPlayer_IsRefused_ByAModerator_EndsWithResults()
    {
        await _rig.SendAsync("quiz start 3");
        await _rig.ClickAsync("ana", 1, _rig.Choice());

        Assert.Equal(QuizReplyKind.Refused, (await _rig.SendAsync("quiz stop", "ben")).Kind);
        Assert.Equal(QuizReplyKind.Stopped, (await _rig.SendAsync("quiz stop", "mod", moderator: true)).Kind);

        Assert.Single(_rig.Presenter.Reveals); // the open question is revealed: its answers count
        var board = Assert.Single(_rig.Presenter.Scoreboards);
        Assert.Equal(QuizEnd.Stopped, board.End);
        Assert.Equal(15, Assert.Single(board.Lines).Points);
    }

    [Fact]
    public async Task Settings_OnlyModeratorsChangeTheAnswerTime_UsedByTheNextQuiz()
    {
        Assert.Equal(QuizReplyKind.Refused, (await _rig.SendAsync("quiz settings seconds 45", "ben")).Kind);
        Assert.Equal(QuizReplyKind.Settings, (await _rig.SendAsync("quiz settings seconds 45", "mod", moderator: true)).Kind);

        await _rig.SendAsync("quiz start 3");

        Assert.Equal(45, _rig.Presenter.Questions[0].AnswerSeconds);
        Assert.Equal(_rig.Time.GetUtcNow().AddSeconds(45), _rig.Presenter.Questions[0].Deadline);
    }

    [Fact]
    public async Task Practice_BringsBackTheQuestionsThePlayerMissed_Privately_OffTheLeaderboard()
    {
        await _rig.SendAsync("quiz start 3");
        var missed = _rig.Presenter.Questions[0].ItemId;
        await _rig.ClickAsync("ana", 1, _rig.Choice(right: false));
        await _rig.SendAsync("quiz stop");

        var reply = await _rig.SendAsync("quiz practice 3");
        var practice = reply.SessionId!;
        var q = _rig.Presenter.Questions[^1];

        Assert.True(reply.Private);
        Assert.True(q.Target.Private);
        Assert.Equal(missed, q.ItemId);
        Assert.Equal(QuizAnswerStatus.NotYours, (await _rig.ClickAsync("ben", 1, 1, practice)).Status);

        // Solo: the reveal comes as soon as the one player answers; right now, it is no longer a miss.
        await _rig.ClickAsync("ana", 1, _rig.Choice(), practice);
        Assert.Equal(2, _rig.Presenter.Questions[^1].Number);
        Assert.DoesNotContain(missed, await _rig.Store.MissesAsync(QuizRig.Channel, "ana", CancellationToken.None));
        await _rig.SendAsync("quiz stop");
        Assert.Equal(1, (await _rig.Store.StandingAsync(QuizRig.Message("x", "x").Place.ScopeKey, "ana", CancellationToken.None))!.Quizzes);
    }

    [Fact]
    public async Task TypedNumber_AnswersTheSendersPracticeRound()
    {
        await _rig.SendAsync("quiz practice 3");
        Assert.True(_rig.Service.HasOpenQuestion(QuizRig.Message("2", "ana")));
        Assert.False(_rig.Service.HasOpenQuestion(QuizRig.Message("2", "ben")));

        var reply = await _rig.SendAsync(_rig.Choice().ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(QuizAnswerStatus.Accepted, reply.AnswerResult!.Status);
        Assert.Equal(15, Assert.Single(_rig.Presenter.Reveals).Right.Single().Points);
    }

    [Fact]
    public async Task ScoreAndStats_ShowTheScoresSoFarAndOnesOwnTotals()
    {
        await _rig.SendAsync("quiz start 3");
        await _rig.ClickAsync("ana", 1, _rig.Choice());
        await _rig.AdvanceAsync(30);

        var score = await _rig.SendAsync("quiz score", "ben");
        Assert.Equal(QuizReplyKind.Score, score.Kind);
        Assert.Equal(1, score.Scoreboard!.Asked);
        Assert.Equal("ana", Assert.Single(score.Scoreboard.Lines).Player.Id);

        await _rig.SendAsync("quiz stop");
        var stats = await _rig.SendAsync("quiz stats");
        Assert.True(stats.Private);
        Assert.Equal(15, Assert.Single(stats.Standings).Points);
        Assert.Contains("1 quiz", stats.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_MentionsTheQuizCommands()
    {
        Assert.Contains("quiz", AnswerEngine.HelpText, StringComparison.Ordinal);
        Assert.Contains("leaderboard", QuizService.HelpText, StringComparison.Ordinal);
        Assert.Contains("quiz practice", QuizService.HelpText, StringComparison.Ordinal);
    }

    [Fact]
    public void Points_AreTenForRightPlusUpToFiveForSpeed()
    {
        var open = DateTimeOffset.UnixEpoch;
        var deadline = open.AddSeconds(30);

        Assert.Equal(15, QuizScoring.Points(true, open, deadline, open));
        Assert.Equal(10, QuizScoring.Points(true, open, deadline, deadline));
        Assert.Equal(12, QuizScoring.Points(true, open, deadline, open.AddSeconds(20)));
        Assert.Equal(0, QuizScoring.Points(false, open, deadline, open));
    }

    [Fact]
    public void Scoreboard_TiesShareARank()
    {
        var lines = QuizScoring.Scoreboard([
            new QuizPlayerResult(new QuizPlayer("b", "Ben"), 20, 2, 2),
            new QuizPlayerResult(new QuizPlayer("a", "Ana"), 20, 2, 2),
            new QuizPlayerResult(new QuizPlayer("c", "Cy"), 30, 2, 2)]);

        Assert.Equal([(1, "c"), (2, "a"), (2, "b")], lines.Select(l => (l.Rank, l.Player.Id)));
    }

    [Theory]
    [InlineData("quiz:k3x9m2pa:2:3", true)]
    [InlineData("quiz:k3x9m2pa:2", false)]
    [InlineData("ask:define", false)]
    [InlineData("quiz::1:1", false)]
    public void Button_RoundTrips(string id, bool valid)
    {
        Assert.Equal(valid, QuizButton.TryParse(id, out var session, out var question, out var choice));
        if (valid)
        {
            Assert.Equal(id, QuizButton.Encode(session, question, choice));
        }
    }
}
