using CyberCode.Core.Learning;
using Microsoft.Extensions.DependencyInjection;

namespace CyberCode.Bot.Tests.Web;

/// <summary>
/// Web questions and <c>POST /api/feedback</c> end up in the question log moderators read, as from
/// every channel. Each test uses its own wording, so the shared service's log tells them apart.
/// </summary>
public sealed class FeedbackApiTests(SharedService service) : IClassFixture<SharedService>
{
    private HttpClient Client => service.Host.Client;

    private IQuestionLog Log => service.Host.Services.GetRequiredService<IQuestionLog>();

    [Fact]
    public async Task Ask_QuestionTheEssayDoesNotCover_IsRecordedAsAWebMiss()
    {
        using var response = await Client.AskAsync("how do I bake sourdough bread at home");
        await Http.JsonAsync(response);

        var misses = await Log.TopAsync(100, QuestionSignal.Miss, CancellationToken.None);
        var miss = Assert.Single(misses, m => m.Key == "how do i bake sourdough bread at home");
        Assert.Contains("web", miss.Channels);
    }

    [Fact]
    public async Task Ask_SameMissTwice_CountsBoth_EvenWhenTheAnswerIsReused()
    {
        (await Client.AskAsync("who painted the mona lisa")).Dispose();
        (await Client.AskAsync("who painted the mona lisa")).Dispose();

        var misses = await Log.TopAsync(100, QuestionSignal.Miss, CancellationToken.None);
        Assert.Equal(2, Assert.Single(misses, m => m.Key == "who painted the mona lisa").Count);
    }

    [Fact]
    public async Task Feedback_NotHelpful_Is204AndCountedWithItsEntry()
    {
        using var response = await Client.PostAsync("api/feedback", Http.Json(new
        {
            question = "define digital sovereignty please",
            helpful = false,
            entryId = "cyber-sovereignty",
            kind = "definition",
        }));

        Assert.Equal(204, (int)response.StatusCode);
        var judged = await Log.TopAsync(100, QuestionSignal.NotHelpful, CancellationToken.None);
        var tally = Assert.Single(judged, t => t.Key == "define digital sovereignty please");
        Assert.Equal("cyber-sovereignty", tally.EntryId);
        Assert.Contains("web", tally.Channels);
    }

    [Fact]
    public async Task Feedback_Helpful_Is204AndCounted()
    {
        using var response = await Client.PostAsync("api/feedback", Http.Json(new { question = "what changed between the drafts", helpful = true }));

        Assert.Equal(204, (int)response.StatusCode);
        var helpful = await Log.TopAsync(100, QuestionSignal.Helpful, CancellationToken.None);
        Assert.Contains(helpful, t => t.Key == "what changed between the drafts");
    }

    [Theory]
    [InlineData("{\"helpful\": true}")]
    [InlineData("{\"question\": \"  \", \"helpful\": true}")]
    [InlineData("{\"question\": \"define cyber sovereignty\"}")]
    [InlineData("{\"question\": \"define cyber sovereignty\", \"helpful\": \"yes\"}")]
    [InlineData("{\"question\": ")]
    public async Task Feedback_MissingOrMalformedFields_Is400Problem(string body)
    {
        using var response = await Client.PostAsync("api/feedback", Http.Raw(body, "application/json"));

        await Http.ProblemAsync(response, 400);
    }

    [Fact]
    public async Task Feedback_QuestionOver2000Characters_Is400ProblemAndNotStored()
    {
        var question = "zebra " + new string('q', 2100);

        using var response = await Client.PostAsync("api/feedback", Http.Json(new { question, helpful = false }));

        var problem = await Http.ProblemAsync(response, 400);
        Assert.Contains("2000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var judged = await Log.TopAsync(1000, QuestionSignal.NotHelpful, CancellationToken.None);
        Assert.DoesNotContain(judged, t => t.Key.StartsWith("zebra", StringComparison.Ordinal));
    }
}
