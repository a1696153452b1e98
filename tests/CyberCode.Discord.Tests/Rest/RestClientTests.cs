using System.Net;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;
using CyberCode.Discord.Tests.Fake;

namespace CyberCode.Discord.Tests.Rest;

/// <summary>The REST client's rate limits and retries against the fake, with waits in fake time.</summary>
public sealed class RestClientTests : IAsyncLifetime
{
    private static readonly MessagePayload Hello = new(Content: "hello");
    private Harness _h = null!;

    public async Task InitializeAsync() => _h = await Harness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RateLimited_429WithRetryAfter_WaitsThatLongThenRetries()
    {
        _h.Fake.Script(new ScriptedResponse("/channels/", 429, """{"message":"You are being rate limited.","retry_after":1.5,"global":false}""",
            new Dictionary<string, string> { ["X-RateLimit-Bucket"] = "abc", ["X-RateLimit-Scope"] = "user", ["Retry-After"] = "2" }));
        var rest = _h.Get<DiscordRestClient>();

        var send = rest.CreateMessageAsync("10", Hello, CancellationToken.None);
        Assert.Equal("/channels/10/messages", (await _h.Fake.NextRequestAsync()).Path);
        await WaitingAsync("rate-limited");
        _h.Time.Advance(TimeSpan.FromMilliseconds(1499));
        await Task.Delay(50);
        Assert.Null(_h.Fake.TryNextRequest());
        Assert.False(send.IsCompleted);

        _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var retry = await _h.Fake.NextRequestAsync();
        await send.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("/channels/10/messages", retry.Path);
        Assert.Equal("hello", retry.Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task RateLimited_Global_PausesOtherRoutesToo()
    {
        _h.Fake.Script(new ScriptedResponse("/channels/", 429, """{"message":"You are being rate limited.","retry_after":2,"global":true}""",
            new Dictionary<string, string> { ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" }));
        var rest = _h.Get<DiscordRestClient>();

        var first = rest.CreateMessageAsync("10", Hello, CancellationToken.None);
        await _h.Fake.NextRequestAsync();
        await WaitingAsync("rate-limited");
        var other = rest.CreateMessageAsync("11", Hello, CancellationToken.None);
        await Task.Delay(50);
        Assert.Null(_h.Fake.TryNextRequest());

        _h.Time.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(first, other).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(3, _h.Fake.AllRequests.Count);
    }

    [Fact]
    public async Task Bucket_Spent_WaitsForResetBeforeTheNextRequest()
    {
        _h.Fake.Script(new ScriptedResponse("/channels/", 200, "{}", new Dictionary<string, string>
        {
            ["X-RateLimit-Bucket"] = "b1", ["X-RateLimit-Limit"] = "5", ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset-After"] = "3.25",
        }));
        var rest = _h.Get<DiscordRestClient>();
        await rest.CreateMessageAsync("10", Hello, CancellationToken.None);
        await _h.Fake.NextRequestAsync();

        var second = rest.CreateMessageAsync("10", Hello, CancellationToken.None);
        await WaitingAsync("is spent");
        Assert.Null(_h.Fake.TryNextRequest());
        _h.Time.Advance(TimeSpan.FromSeconds(3.25));

        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _h.Fake.AllRequests.Count);
    }

    [Fact]
    public async Task ServerError_IsRetriedAfterBackOff()
    {
        _h.Fake.Script(new ScriptedResponse("/channels/", 502, "{\"message\":\"bad gateway\"}"));
        var rest = _h.Get<DiscordRestClient>();

        var send = rest.CreateMessageAsync("10", Hello, CancellationToken.None);
        await _h.Fake.NextRequestAsync();
        await _h.AdvanceUntilAsync(() => send.IsCompleted, TimeSpan.FromMilliseconds(100));

        await send;
        Assert.Equal(2, _h.Fake.AllRequests.Count);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task Unauthorized_IsNeverRetried_AndSaysWhatToCheck(int status)
    {
        _h.Fake.Script(new ScriptedResponse("/channels/", status, "{\"message\":\"401: Unauthorized\",\"code\":0}"));
        var rest = _h.Get<DiscordRestClient>();

        var ex = await Assert.ThrowsAsync<DiscordApiException>(() => rest.CreateMessageAsync("10", Hello, CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, ex.Status);
        Assert.Contains(status == 401 ? "Discord:BotToken" : "permission", ex.Message, StringComparison.Ordinal);
        _h.Time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(50);
        Assert.Single(_h.Fake.AllRequests);
    }

    [Fact]
    public async Task Cancelled_WhileWaitingForRetryAfter_StopsWaiting()
    {
        _h.Fake.Script(new ScriptedResponse("/channels/", 429, """{"retry_after":30,"global":false}"""));
        using var cts = new CancellationTokenSource();
        var send = _h.Get<DiscordRestClient>().CreateMessageAsync("10", Hello, cts.Token);
        await _h.Fake.NextRequestAsync();

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Single(_h.Fake.AllRequests);
    }

    [Theory]
    [InlineData("POST", "https://discord.com/api/v10/channels/123/messages", "POST /api/v10/channels/123/messages")]
    [InlineData("DELETE", "https://discord.com/api/v10/channels/123/messages/456", "DELETE /api/v10/channels/123/messages/{id}")]
    [InlineData("POST", "https://discord.com/api/v10/interactions/789/tok.en/callback", "POST /api/v10/interactions/{id}/{token}/callback")]
    public void RouteKey_KeepsMajorParametersOnly(string method, string url, string expected) =>
        Assert.Equal(expected, RateLimitHandler.RouteKey(new HttpMethod(method), new Uri(url)));

    /// <summary>The client logs just before it starts waiting in fake time; advancing before that would be lost.</summary>
    private async Task WaitingAsync(string logged)
    {
        await Harness.EventuallyAsync(() => _h.Logs.Lines.Any(l => l.Message.Contains(logged, StringComparison.Ordinal)), "the log line '" + logged + "'");
        await Task.Delay(20);
    }
}
