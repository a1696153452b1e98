using System.Net.Http.Headers;
using CyberCode.Bot.Tests.Cli;

namespace CyberCode.Bot.Tests.Web;

/// <summary>A request with <c>Web:AdminToken</c> as its bearer token moderates; any other is refused by the bot.</summary>
public sealed class AdminTokenTests
{
    private const string Token = "test-admin-token-0123456789";
    private const string Missed = "which pact came out of the russian city meeting";
    private const string Add = "kb add question Which pact came out of the Russian city meeting? | The SCO information-security agreement, signed at Yekaterinburg in 2009. | cite: \"they signed the Agreement on Cooperation in Ensuring International Information Security between the Member States of the SCO at the summit in Yekaterinburg in 2009\"";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic " + Token)]
    public async Task KbAdd_WithoutTheAdminToken_IsRefused(string? authorization)
    {
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?> { ["Web:AdminToken"] = Token });

        var reply = await SendAsync(host.Client, Add, authorization);

        Assert.False(reply.Answered);
        Assert.Contains("Only moderators", reply.Text, StringComparison.Ordinal);
        Assert.False((await SendAsync(host.Client, Missed, null)).Answered);
    }

    [Fact]
    public async Task KbAdd_WithTheAdminToken_AnswersTheNextQuestionWithTheNewQuote()
    {
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?> { ["Web:AdminToken"] = Token });
        Assert.False((await SendAsync(host.Client, Missed, null)).Answered);

        var added = await SendAsync(host.Client, Add, "Bearer " + Token);

        Assert.True(added.Answered, added.Text);
        var answer = await SendAsync(host.Client, Missed, null);
        Assert.True(answer.Answered, answer.Text);
        Assert.Contains("Yekaterinburg in 2009", answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbAdd_NoAdminTokenConfigured_NobodyModerates()
    {
        await using var host = await ServiceHost.StartAsync();

        var reply = await SendAsync(host.Client, Add, "Bearer ");

        Assert.Contains("Only moderators", reply.Text, StringComparison.Ordinal);
    }

    private static async Task<AnswerObject> SendAsync(HttpClient client, string question, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/ask") { Content = Http.Json(new { question }) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        return AnswerObject.Parse((await Http.JsonAsync(response)).GetRawText());
    }
}
