using System.Net;
using CyberCode.Teams.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace CyberCode.Teams.Tests;

/// <summary>
/// Connector failures as teams.md says to treat them: 429 after Retry-After, 412/502/503/504 with
/// exponential back-off, anything else not retried. The waits run on the fake clock, which the
/// test moves on only while the bot is waiting.
/// </summary>
public sealed class RetryTests : IAsyncLifetime
{
    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Teams:RetryBaseDelay"] = "00:00:02",
        ["Teams:MaxSendAttempts"] = "4",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterRetryAfter()
    {
        _host.Connector.FailNext(200); // typing
        _host.Connector.FailNext(429, retryAfter: "7");
        await _host.PostAsync(_host.Message("timeline"));
        await RunClockUntilIdleAsync();

        var replies = _host.Connector.Calls.Where(c => c.Type == "message").ToList();
        Assert.Equal([429, 200], replies.Select(c => c.Status));
        Assert.True(replies[1].At - replies[0].At >= TimeSpan.FromSeconds(7), $"Retried after {replies[1].At - replies[0].At}, before Retry-After.");
        Assert.NotNull(replies[1].Card);
    }

    [Fact]
    public async Task ServiceUnavailable_IsRetriedOnceWithBackoff()
    {
        _host.Connector.FailNext(200); // typing
        _host.Connector.FailNext(503);
        await _host.PostAsync(_host.Message("timeline"));
        await RunClockUntilIdleAsync();

        var replies = _host.Connector.Calls.Where(c => c.Type == "message").ToList();
        Assert.Equal([503, 200], replies.Select(c => c.Status));
        Assert.True(replies[1].At - replies[0].At >= TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task BackOff_Doubles()
    {
        _host.Connector.FailNext(200); // typing
        _host.Connector.FailNext(502);
        _host.Connector.FailNext(504);
        _host.Connector.FailNext(412);
        await _host.PostAsync(_host.Message("timeline"));
        await RunClockUntilIdleAsync();

        var replies = _host.Connector.Calls.Where(c => c.Type == "message").ToList();
        Assert.Equal([502, 504, 412, 200], replies.Select(c => c.Status));
        Assert.True(replies[1].At - replies[0].At >= TimeSpan.FromSeconds(2));
        Assert.True(replies[2].At - replies[1].At >= TimeSpan.FromSeconds(4));
        Assert.True(replies[3].At - replies[2].At >= TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task GivesUp_AfterMaxAttempts_AndLogs()
    {
        _host.Connector.FailNext(200); // typing
        for (var i = 0; i < 4; i++)
        {
            _host.Connector.FailNext(503);
        }

        await _host.PostAsync(_host.Message("timeline"));
        await RunClockUntilIdleAsync();

        Assert.Equal(4, _host.Connector.Calls.Count(c => c.Type == "message"));
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("could not answer", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    public async Task ClientErrors_AreNotRetried(int status)
    {
        _host.Connector.FailNext(200); // typing
        _host.Connector.FailNext(status);
        await _host.PostAsync(_host.Message("timeline"));
        await RunClockUntilIdleAsync();

        Assert.Single(_host.Connector.Calls, c => c.Type == "message");
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Error);
    }

    [Fact]
    public async Task TypingFailure_DoesNotStopTheAnswer()
    {
        _host.Connector.FailNext(403); // typing
        await _host.PostAsync(_host.Message("timeline"));
        await RunClockUntilIdleAsync();

        Assert.Equal("message", Assert.Single(_host.Connector.Delivered).Type);
    }

    /// <summary>Moves the fake clock on in small steps until every accepted activity is handled.</summary>
    private async Task RunClockUntilIdleAsync()
    {
        var idle = _host.Queue.WhenIdle();
        for (var step = 0; step < 2000 && !idle.IsCompleted; step++)
        {
            await Task.WhenAny(idle, Task.Delay(5));
            _host.Time.Advance(TimeSpan.FromMilliseconds(250));
        }

        Assert.True(idle.IsCompleted, "The activity was still being handled.");
        await idle;
    }
}
