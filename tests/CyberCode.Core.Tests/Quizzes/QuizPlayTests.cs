using CyberCode.Core.Quizzes;

namespace CyberCode.Core.Tests.Quizzes;

public sealed class QuizPlayTests : IDisposable
{
    private readonly QuizRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task Start_PostsTheFirstQuestionWithButtonsCarryingSessionQuestionAndChoice()
    {
        var reply = await _rig.SendAsync("quiz start 3");

        Assert.Equal(QuizReplyKind.Started, reply.Kind);
        var q = Assert.Single(_rig.Presenter.Questions);
        Assert.Equal((1, 3), (q.Number, q.Count));
        Assert.Equal(_rig.Time.GetUtcNow().AddSeconds(30), q.Deadline);
        Assert.Equal($"quiz:{reply.SessionId}:1:2", q.ButtonId(2));
        Assert.True(q.ButtonId(4).Length <= 100);
    }

    [Fact]
    public async Task TimeUp_RevealsTheRightChoiceWithItsQuoteOnTheQuestionsMessage_ThenAsksTheNext()
    {
        await _rig.SendAsync("quiz start 3");
        var right = _rig.Choice();
        Assert.Equal(QuizAnswerStatus.Accepted, (await _rig.ClickAsync("ana", 1, right)).Status);
        Assert.Equal(QuizAnswerStatus.Accepted, (await _rig.ClickAsync("ben", 1, _rig.Choice(right: false))).Status);

        await _rig.AdvanceAsync(29);
        Assert.Empty(_rig.Presenter.Reveals);
        await _rig.AdvanceAsync(1);

        var reveal = Assert.Single(_rig.Presenter.Reveals);
        Assert.Equal("m1", reveal.MessageId);
        Assert.Equal(right, reveal.Correct);
        var item = _rig.Bank.Find(reveal.Question.ItemId)!;
        Assert.Equal(item.Explanation, reveal.Explanation);
        var citation = Assert.Single(reveal.Citations);
        Assert.Equal(item.Citations[0].Quote, citation.Quote);
        Assert.Contains(citation.Quote, citation.PassageText, StringComparison.Ordinal);
        Assert.Equal("ana", Assert.Single(reveal.Right).Player.Id);
        Assert.Equal("ben", Assert.Single(reveal.Wrong).Id);
        Assert.True(reveal.More);
        Assert.Equal(2, _rig.Presenter.Questions[^1].Number);
    }

    [Fact]
    public async Task AnswerAfterTimeUp_IsRefusedAsTooLate_AndNotCounted()
    {
        await _rig.SendAsync("quiz start 3");
        await _rig.AdvanceAsync(30);

        var late = await _rig.ClickAsync("ana", 1, _rig.Choice());

        Assert.Equal(QuizAnswerStatus.TooLate, late.Status);
        Assert.Empty(await _rig.Store.AnswersAsync(_rig.SessionId!, CancellationToken.None));
    }

    [Fact]
    public async Task AnswerAtTheDeadlineBeforeTheTimerRuns_IsTooLate()
    {
        await _rig.SendAsync("quiz start 3");
        _rig.Time.AdjustTime(_rig.Time.GetUtcNow().AddSeconds(30)); // the clock moves, no timer fires

        Assert.Equal(QuizAnswerStatus.TooLate, (await _rig.ClickAsync("ana", 1, 1)).Status);
    }

    [Fact]
    public async Task SecondAnswerFromTheSamePerson_IsRefusedPolitely_AndTheFirstStands()
    {
        await _rig.SendAsync("quiz start 3");
        var first = await _rig.ClickAsync("ana", 1, _rig.Choice(right: false));
        var second = await _rig.ClickAsync("ana", 1, _rig.Choice());

        Assert.Equal(QuizAnswerStatus.Accepted, first.Status);
        Assert.Equal(QuizAnswerStatus.AlreadyAnswered, second.Status);
        Assert.Contains("already answered", second.Message, StringComparison.Ordinal);
        var stored = Assert.Single(await _rig.Store.AnswersAsync(_rig.SessionId!, CancellationToken.None));
        Assert.False(stored.Correct);
    }

    [Fact]
    public async Task SoloRound_SecondPressOfTheSameQuestion_IsAlreadyAnswered_NotTooLate()
    {
        // In a one-person conversation the first answer reveals the question at once.
        var start = await _rig.Service.HandleAsync(
            QuizCommand.TryParse("quiz start 3", out var command) ? command : throw new InvalidOperationException(),
            QuizRig.Message("quiz start 3", "ana") with { IsDirect = true },
            CancellationToken.None);
        var session = start.SessionId!;
        var choice = _rig.Choice(right: false);

        var first = await _rig.ClickAsync("ana", 1, choice, session);
        var second = await _rig.ClickAsync("ana", 1, _rig.Choice(), session);

        Assert.Contains("Your quiz", start.Text, StringComparison.Ordinal);
        Assert.Equal(QuizAnswerStatus.Accepted, first.Status);
        Assert.Equal(QuizAnswerStatus.AlreadyAnswered, second.Status);
        Assert.Single(await _rig.Store.AnswersAsync(session, CancellationToken.None));
    }

    [Fact]
    public async Task HundredPlayersAnsweringAtOnce_AreEachCountedOnce()
    {
        await _rig.SendAsync("quiz start 3");
        var right = _rig.Choice();
        using var go = new ManualResetEventSlim();
        var clicks = Enumerable.Range(0, 100).SelectMany(i => new[] { i, i }).Select(i => Task.Run(async () =>
        {
            go.Wait();
            return await _rig.ClickAsync($"p{i}", 1, i % 2 == 0 ? right : right % 4 + 1);
        })).ToArray();
        go.Set();
        var results = await Task.WhenAll(clicks);

        Assert.Equal(100, results.Count(r => r.Status == QuizAnswerStatus.Accepted));
        Assert.Equal(100, results.Count(r => r.Status == QuizAnswerStatus.AlreadyAnswered));
        await _rig.AdvanceAsync(30);
        var reveal = Assert.Single(_rig.Presenter.Reveals);
        Assert.Equal(50, reveal.Right.Count);
        Assert.Equal(50, reveal.Wrong.Count);
        Assert.Equal([50, 50], reveal.ChoiceCounts.Where(c => c > 0));

        await _rig.SendAsync("quiz stop");
        var board = await _rig.Store.LeaderboardAsync(QuizRig.Message("x", "x").Place.ScopeKey, 200, CancellationToken.None);
        Assert.Equal(100, board.Count);
        Assert.All(board, s => Assert.Equal((1, 1), (s.Quizzes, s.Answered)));
    }

    [Fact]
    public async Task FirstQuestion_WaitsForTheTimeLimit_ThenEveryoneWhoJoinedAnswering_RevealsAtOnce()
    {
        await _rig.SendAsync("quiz start 3");
        await _rig.ClickAsync("ana", 1, _rig.Choice());
        await _rig.ClickAsync("ben", 1, _rig.Choice());
        Assert.Empty(_rig.Presenter.Reveals);
        await _rig.AdvanceAsync(30);

        await _rig.ClickAsync("ana", 2, _rig.Choice());
        await _rig.ClickAsync("cy", 2, _rig.Choice()); // a newcomer does not hold the others up
        Assert.Single(_rig.Presenter.Reveals);
        await _rig.ClickAsync("ben", 2, _rig.Choice());

        Assert.Equal(2, _rig.Presenter.Reveals.Count);
        Assert.Equal(3, _rig.Presenter.Questions[^1].Number);
    }

    [Fact]
    public async Task QuickerRightAnswers_ScoreMore_AndTheLastQuestionEndsWithAScoreboard()
    {
        await _rig.SendAsync("quiz start 3");
        for (var q = 1; q <= 3; q++)
        {
            await _rig.ClickAsync("ana", q, _rig.Choice());
            await _rig.AdvanceAsync(15);
            await _rig.ClickAsync("ben", q, _rig.Choice());
            if (q == 1)
            {
                await _rig.AdvanceAsync(15); // later questions reveal once both have answered
            }
        }

        var board = Assert.Single(_rig.Presenter.Scoreboards);
        Assert.Equal(QuizEnd.Completed, board.End);
        Assert.Equal(["ana", "ben"], board.Lines.Select(l => l.Player.Id));
        Assert.Equal(3 * 15, board.Lines[0].Points);
        Assert.Equal(3 * 13, board.Lines[1].Points); // 10 + 2.5 rounded up
        Assert.False(_rig.Presenter.Reveals[^1].More);
        Assert.Equal(QuizAnswerStatus.Ended, (await _rig.ClickAsync("ana", 3, 1)).Status);
    }

    [Fact]
    public async Task ButtonFromAnEndedQuiz_SaysTheQuizHasEnded()
    {
        var started = await _rig.SendAsync("quiz start 3");
        await _rig.SendAsync("quiz stop");

        var result = await _rig.ClickAsync("ana", 1, 1, started.SessionId);

        Assert.Equal(QuizAnswerStatus.Ended, result.Status);
        Assert.Contains("this quiz has ended", result.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("zzzzzzzz", 1, 1, QuizAnswerStatus.NoSuchQuiz)]
    [InlineData(null, 2, 1, QuizAnswerStatus.NoSuchQuiz)]
    [InlineData(null, 1, 9, QuizAnswerStatus.InvalidChoice)]
    [InlineData(null, 1, 0, QuizAnswerStatus.InvalidChoice)]
    public async Task ForgedOrOutOfRangeButtons_AreRefusedWithoutCounting(string? session, int question, int choice, QuizAnswerStatus expected)
    {
        await _rig.SendAsync("quiz start 3");

        Assert.Equal(expected, (await _rig.ClickAsync("ana", question, choice, session)).Status);
        Assert.Empty(await _rig.Store.AnswersAsync(_rig.SessionId!, CancellationToken.None));
    }

    [Fact]
    public async Task NobodyAnsweringTwoQuestions_EndsTheQuiz()
    {
        await _rig.SendAsync("quiz start 5");
        await _rig.AdvanceAsync(30);
        await _rig.AdvanceAsync(30);

        var board = Assert.Single(_rig.Presenter.Scoreboards);
        Assert.Equal(QuizEnd.Abandoned, board.End);
        Assert.Equal(2, _rig.Presenter.Questions.Count);
    }

    [Fact]
    public async Task PresenterOutage_LosesMessagesNotScores()
    {
        await _rig.SendAsync("quiz start 3");
        await _rig.ClickAsync("ana", 1, _rig.Choice());
        _rig.Presenter.Failing = true;
        await _rig.AdvanceAsync(30);
        _rig.Presenter.Failing = false;
        await _rig.ClickAsync("ana", 2, _rig.Choice()); // ana joined: her answer reveals question 2

        Assert.Equal(2, (await _rig.Store.AnswersAsync(_rig.SessionId!, CancellationToken.None)).Count);
        Assert.Equal(3, _rig.Presenter.Questions[^1].Number);
    }
}
