using CyberCode.Core.Quizzes;

namespace CyberCode.Core.Tests.Quizzes;

/// <summary>A second service over the same store is the service after a restart.</summary>
public sealed class QuizRestartTests
{
    private static string ScopeKey => QuizRig.Message("x", "x").Place.ScopeKey;

    [Fact]
    public async Task RestartMidQuestion_ResumesTheTimer_EditsTheSameMessage_AndCountsEachScoreOnce()
    {
        int anaPoints;
        QuizRig after;
        string session;
        using (var before = new QuizRig())
        {
            await before.SendAsync("quiz start 3");
            session = before.SessionId!;
            await before.ClickAsync("ana", 1, before.Choice());
            await before.AdvanceAsync(10);
            anaPoints = (await before.Store.AnswersAsync(session, CancellationToken.None)).Single().Points;
            after = new QuizRig(before.Store, before.Time);
        }

        using (after)
        {
            await after.Service.ResumeAsync(CancellationToken.None);
            Assert.Empty(after.Presenter.Reveals);
            await after.AdvanceAsync(20);

            var reveal = Assert.Single(after.Presenter.Reveals);
            Assert.Equal("m1", reveal.MessageId); // posted before the restart
            Assert.Equal("ana", Assert.Single(reveal.Right).Player.Id);
            Assert.Equal(QuizAnswerStatus.TooLate, (await after.ClickAsync("ben", 1, 1, session)).Status);

            for (var q = 2; q <= 3; q++)
            {
                await after.ClickAsync("ana", q, after.Choice(right: false), session);
            }

            Assert.Equal(QuizEnd.Completed, Assert.Single(after.Presenter.Scoreboards).End);
            var standing = await after.Store.StandingAsync(ScopeKey, "ana", CancellationToken.None);
            Assert.Equal((anaPoints, 1, 3, 1), (standing!.Points, standing.Quizzes, standing.Answered, standing.Correct));
        }

        // A third start over the same store finds nothing left to count.
        using var again = new QuizRig(after.Store, after.Time);
        await again.Service.ResumeAsync(CancellationToken.None);
        Assert.Empty(again.Presenter.Scoreboards);
        Assert.Equal(1, (await again.Store.StandingAsync(ScopeKey, "ana", CancellationToken.None))!.Quizzes);
    }

    [Fact]
    public async Task RestartLongAfterTheDeadline_RevealsAndClosesTheQuiz_KeepingItsResults()
    {
        QuizRig after;
        using (var before = new QuizRig())
        {
            await before.SendAsync("quiz start 5");
            await before.ClickAsync("ana", 1, before.Choice());
            await before.ClickAsync("ben", 1, before.Choice(right: false));
            after = new QuizRig(before.Store, before.Time);
        }

        using (after)
        {
            after.Time.Advance(TimeSpan.FromHours(2));
            await after.Service.ResumeAsync(CancellationToken.None);
            await after.Service.WhenIdleAsync();

            Assert.Single(after.Presenter.Reveals);
            Assert.Empty(after.Presenter.Questions);
            var board = Assert.Single(after.Presenter.Scoreboards);
            Assert.Equal(QuizEnd.Expired, board.End);
            Assert.Equal(["ana", "ben"], board.Lines.Select(l => l.Player.Id));
            Assert.Equal(2, (await after.Store.LeaderboardAsync(ScopeKey, 10, CancellationToken.None)).Count);
            Assert.Equal(QuizReplyKind.Started, (await after.SendAsync("quiz start 3")).Kind);
        }
    }

    [Fact]
    public async Task RestartShortlyAfterTheDeadline_RevealsAndGoesOn()
    {
        QuizRig after;
        using (var before = new QuizRig())
        {
            await before.SendAsync("quiz start 3");
            after = new QuizRig(before.Store, before.Time);
        }

        using (after)
        {
            after.Time.Advance(TimeSpan.FromSeconds(90));
            await after.Service.ResumeAsync(CancellationToken.None);

            Assert.Single(after.Presenter.Reveals);
            Assert.Equal(2, Assert.Single(after.Presenter.Questions).Number);
        }
    }
}
