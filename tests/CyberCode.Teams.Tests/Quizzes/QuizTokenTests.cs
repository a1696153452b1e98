using System.Text.Json.Nodes;

namespace CyberCode.Teams.Tests.Quizzes;

/// <summary>The quiz's own posts (from its timer, not a request) go out with the bot's token, as replies do.</summary>
public sealed class QuizTokenTests
{
    [Fact]
    public async Task QuestionAndReveal_CarryTheBotsBearerToken()
    {
        await using var host = await TeamsHost.StartAsync();
        await host.PostAsync(host.Message("quiz start 3", conversationType: "groupChat"));
        await host.Queue.WhenIdle();
        await host.Bot.Quizzes.WhenIdleAsync();

        host.Time.Advance(TimeSpan.FromSeconds(30));
        await host.Bot.Quizzes.WhenIdleAsync();

        var quizCalls = host.Connector.Calls.Where(c => c.Method == "PUT" || c.Card?["actions"] is JsonArray).ToList();
        Assert.Contains(quizCalls, c => c.Method == "PUT");
        Assert.Contains(quizCalls, c => c.Method == "POST");
        Assert.All(quizCalls, c => Assert.StartsWith("Bearer ", c.Authorization, StringComparison.Ordinal));
    }
}
