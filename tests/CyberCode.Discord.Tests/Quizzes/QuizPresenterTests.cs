using CyberCode.Core.Quizzes;
using CyberCode.Discord.Quizzes;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Tests.Fake;
using Microsoft.Extensions.Logging;

namespace CyberCode.Discord.Tests.Quizzes;

/// <summary>The presenter against Discord's refusals: logged and skipped, never thrown at the quiz engine.</summary>
public sealed class QuizPresenterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Deadline = new(2026, 1, 5, 9, 0, 30, TimeSpan.Zero);
    private Harness _h = null!;

    public async Task InitializeAsync() => _h = await Harness.StartAsync(new Dictionary<string, string?> { ["Discord:Gateway:Enabled"] = "false" });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private IQuizPresenter Presenter => _h.Get<IEnumerable<IQuizPresenter>>().Single(p => p.Channel == "discord");

    [Fact]
    public async Task Reveal_QuestionMessageDeleted_404IsLoggedAndSkipped()
    {
        _h.Fake.Script(new ScriptedResponse("/channels/400/messages/123", 404, """{"message":"Unknown Message","code":10008}"""));

        await Presenter.RevealAsync(Reveal(Target(QuizMode.Group), "123"), CancellationToken.None);

        var request = await _h.Fake.NextRequestAsync();
        Assert.Equal(("PATCH", "/channels/400/messages/123"), (request.Method, request.Path));
        Assert.Contains(_h.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("is gone (404)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Question_ChannelGone_ReturnsNoMessageId()
    {
        _h.Fake.Script(new ScriptedResponse("/channels/400/messages", 404, """{"message":"Unknown Channel","code":10003}"""));

        var id = await Presenter.PostQuestionAsync(Question(Target(QuizMode.Group)), CancellationToken.None);

        Assert.Null(id);
    }

    [Fact]
    public async Task Question_Posted_ReturnsDiscordsMessageId()
    {
        var id = await Presenter.PostQuestionAsync(Question(Target(QuizMode.Group)), CancellationToken.None);

        var request = await _h.Fake.NextRequestAsync();
        Assert.Equal("/channels/400/messages", request.Path);
        Assert.Matches("^9[0-9]{17}$", id);
    }

    [Fact]
    public async Task Practice_TokenExpired_IsLoggedAndSkipped()
    {
        _h.Fake.Script(new ScriptedResponse("/webhooks/", 401, """{"message":"Invalid Webhook Token","code":50027}"""));

        var id = await Presenter.PostQuestionAsync(Question(Target(QuizMode.Practice, DiscordReplyTo.Interaction("old-token"))), CancellationToken.None);

        Assert.Null(id);
        Assert.Equal($"/webhooks/{Harness.ApplicationId}/old-token", (await _h.Fake.NextRequestAsync()).Path);
        Assert.Contains(_h.Logs.Lines, l => l.Message.Contains("interaction token expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Practice_InAServerWithoutAToken_IsNeverPostedPublicly()
    {
        var id = await Presenter.PostQuestionAsync(Question(Target(QuizMode.Practice)), CancellationToken.None);

        Assert.Null(id);
        await Task.Delay(50);
        Assert.Empty(_h.Fake.AllRequests);
    }

    [Fact]
    public void Rendering_LongChoicesGetNumberButtons_AndEveryLimitHolds()
    {
        var q = Question(Target(QuizMode.Group)) with
        {
            Question = new string('q', 5000),
            Choices = [new string('a', 300), "b", "c", "d"],
        };
        var message = QuizMessages.Question(q);

        var labels = message.Components!.SelectMany(r => r.Components).Select(b => b.Label).ToList();
        Assert.Equal(["1", "2", "3", "4"], labels);
        Assert.True(message.Embeds![0].Description!.Length <= AnswerRenderer.DescriptionLimit);
        var reveal = QuizMessages.Reveal(Reveal(Target(QuizMode.Group), "1") with { Question = q, ChoiceCounts = [1, 2, 0, 0] });
        var embed = reveal.Embeds![0];
        var total = embed.Title!.Length + embed.Description!.Length + embed.Footer!.Text.Length + embed.Fields!.Sum(f => f.Name.Length + f.Value.Length);
        Assert.True(total <= AnswerRenderer.EmbedTotalLimit, $"embed total {total}");
        Assert.All(reveal.Components!.SelectMany(r => r.Components), b => Assert.True(b.Disabled));
    }

    private static QuizTarget Target(QuizMode mode, string? replyTo = null) =>
        new("abcd2345", new QuizPlace("discord", "300", mode == QuizMode.Practice ? "practice:501" : "400"), replyTo, mode, new QuizPlayer("501", "Ana"));

    private static QuizQuestionView Question(QuizTarget target) =>
        new(target, 1, 3, "item-1", "sovereignty", "Who holds cyber sovereignty?", ["States", "Companies"], Deadline, 30);

    private static QuizRevealView Reveal(QuizTarget target, string? messageId) =>
        new(target, Question(target), messageId, 1, "The essay says states do.", [], [new QuizScoreLine(1, new QuizPlayer("501", "Ana"), 14, 1, 1)], [], [1, 0]);
}
