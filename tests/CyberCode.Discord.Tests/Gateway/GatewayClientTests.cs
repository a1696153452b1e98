using System.Text.Json;
using CyberCode.Discord.Gateway;
using CyberCode.Discord.Tests.Fake;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CyberCode.Discord.Tests.Gateway;

/// <summary>The Gateway client against the fake Gateway, with heartbeat time from a FakeTimeProvider.</summary>
public sealed class GatewayClientTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Interval = 41_250;
    private Harness _h = null!;
    private Task _run = Task.CompletedTask;
    private CancellationTokenSource _stop = new();

    public async Task InitializeAsync()
    {
        _h = await Harness.StartAsync();
        (_run, _stop) = _h.RunGateway();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        // What the client logged, so a failure (shown with its output) says what the client did.
        foreach (var (level, category, message) in _h.Logs.Lines)
        {
            output.WriteLine($"{level} {category}: {message}");
        }

        await _h.DisposeAsync();
    }

    [Fact]
    public async Task Connect_IdentifiesWithTokenShardAndOnlyUnprivilegedIntents()
    {
        var gatewayBot = await _h.Fake.NextRequestAsync();
        var connection = await _h.Fake.NextConnectionAsync();
        await connection.HelloAsync(Interval);
        var identify = await connection.ReceiveAsync();

        Assert.Equal(("GET", "/gateway/bot"), (gatewayBot.Method, gatewayBot.Path));
        Assert.Equal("Bot " + Harness.Token, gatewayBot.Headers["Authorization"]);
        Assert.StartsWith("DiscordBot (", gatewayBot.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Equal("/gateway", connection.Path);
        Assert.Contains("v=10", connection.Query, StringComparison.Ordinal);
        Assert.Contains("encoding=json", connection.Query, StringComparison.Ordinal);
        Assert.Equal(2, identify.GetProperty("op").GetInt32());
        var d = identify.GetProperty("d");
        Assert.Equal(Harness.Token, d.GetProperty("token").GetString());
        var intents = d.GetProperty("intents").GetInt32();
        Assert.Equal(1 | 512 | 4096, intents);
        Assert.Equal(0, intents & 32768);
        Assert.Equal([0, 1], d.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(d.GetProperty("properties").TryGetProperty("os", out _));
    }

    [Fact]
    public async Task Heartbeat_FirstAfterJitteredInterval_ThenEveryInterval_CarryingLastSequence()
    {
        var connection = await ReadyAsync();

        _h.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        var first = await connection.ReceiveAsync();
        Assert.Equal(1, first.GetProperty("op").GetInt32());
        Assert.Equal(1, first.GetProperty("d").GetInt32());
        await connection.AckAsync();

        // A dispatch after the ACK; once the client has its sequence, it has read the ACK too.
        await connection.DispatchAsync("GUILD_CREATE", 2, new { id = "1" });
        await Harness.EventuallyAsync(() => _h.Get<GatewayClient>().Session.Sequence == 2, "sequence 2");
        _h.Time.Advance(TimeSpan.FromMilliseconds(Interval - 1));
        await connection.DispatchAsync("GUILD_CREATE", 3, new { id = "2" });
        await Harness.EventuallyAsync(() => _h.Get<GatewayClient>().Session.Sequence == 3, "sequence 3");
        Assert.False(connection.TryReceive(out var early), $"A beat came before the interval: {early}");

        _h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var second = await connection.ReceiveAsync();
        Assert.Equal(1, second.GetProperty("op").GetInt32());
        Assert.Equal(3, second.GetProperty("d").GetInt32());
    }

    [Fact]
    public async Task Heartbeat_ServerAsksForOne_IsAnsweredAtOnce()
    {
        var connection = await ReadyAsync();

        await connection.SendAsync(new { op = 1, d = (object?)null });
        var beat = await connection.ReceiveAsync();

        Assert.Equal(1, beat.GetProperty("op").GetInt32());
        Assert.Equal(1, beat.GetProperty("d").GetInt32());
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnResumeUrlWithSessionAndLastSequence()
    {
        var connection = await ReadyAsync();
        await connection.DispatchAsync("GUILD_CREATE", 5, new { id = "1" });
        await Harness.EventuallyAsync(() => _h.Get<GatewayClient>().Session.Sequence == 5, "sequence 5");

        await connection.SendAsync(new { op = 7, d = (object?)null });
        var resumed = await _h.Fake.NextConnectionAsync();
        await resumed.HelloAsync(Interval);
        var resume = await resumed.ReceiveAsync();

        Assert.Equal("/resume", resumed.Path);
        Assert.Contains("v=10", resumed.Query, StringComparison.Ordinal);
        Assert.Equal(6, resume.GetProperty("op").GetInt32());
        Assert.Equal("session-1", resume.GetProperty("d").GetProperty("session_id").GetString());
        Assert.Equal(5, resume.GetProperty("d").GetProperty("seq").GetInt32());
        Assert.Equal(Harness.Token, resume.GetProperty("d").GetProperty("token").GetString());
        var closed = await connection.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotEqual(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, closed);
    }

    [Fact]
    public async Task State_ReadyAfterReady_ConnectingWhileResuming_ReadyAgainAfterResumed()
    {
        var client = _h.Get<GatewayClient>();
        var connection = await ReadyAsync();
        await Harness.EventuallyAsync(() => client.State == "ready", "ready after READY");

        await connection.SendAsync(new { op = 7, d = (object?)null });
        var resumed = await _h.Fake.NextConnectionAsync();
        await resumed.HelloAsync(Interval);
        _ = await resumed.ReceiveAsync();
        Assert.Equal("connecting", client.State);

        await resumed.DispatchAsync("RESUMED", 2, new { });
        await Harness.EventuallyAsync(() => client.State == "ready", "ready after RESUMED");
    }

    [Fact]
    public async Task Heartbeat_NoAckBeforeNextBeat_ClosesAsZombieAndResumes()
    {
        var connection = await ReadyAsync();
        _h.Time.Advance(TimeSpan.FromMilliseconds(Interval / 2));
        Assert.Equal(1, (await connection.ReceiveAsync()).GetProperty("op").GetInt32());

        // No ACK: at the next beat the connection is a zombie.
        _h.Time.Advance(TimeSpan.FromMilliseconds(Interval));
        var resumed = await _h.Fake.NextConnectionAsync();
        await resumed.HelloAsync(Interval);
        var resume = await resumed.ReceiveAsync();

        Assert.Equal("/resume", resumed.Path);
        Assert.Equal(6, resume.GetProperty("op").GetInt32());
        Assert.Equal(1, resume.GetProperty("d").GetProperty("seq").GetInt32());
        Assert.Contains(_h.Logs.Lines, l => l.Message.Contains("zombie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        var connection = await ReadyAsync();

        await connection.SendAsync(new { op = 9, d = true });
        var next = await _h.Fake.NextConnectionAsync();
        await next.HelloAsync(Interval);

        Assert.Equal("/resume", next.Path);
        Assert.Equal(6, (await next.ReceiveAsync()).GetProperty("op").GetInt32());
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAnewAfterAWait()
    {
        var connection = await ReadyAsync();
        var requestsBefore = _h.Fake.AllRequests.Count;

        await connection.SendAsync(new { op = 9, d = false });
        await connection.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, _h.Fake.ConnectionCount);
        FakeGatewayConnection? next = null;
        await _h.AdvanceUntilAsync(() => _h.Fake.TryNextConnection(out next), TimeSpan.FromMilliseconds(250));
        await next!.HelloAsync(Interval);
        var identify = await next.ReceiveAsync();

        Assert.Equal("/gateway", next.Path);
        Assert.Equal(2, identify.GetProperty("op").GetInt32());
        Assert.Null(_h.Get<GatewayClient>().Session.SessionId);
        Assert.True(_h.Fake.AllRequests.Count > requestsBefore, "GET /gateway/bot again before a new identify");
    }

    [Fact]
    public async Task Close4004_StopsWithAClearErrorAndNoRetry()
    {
        var connection = await _h.Fake.NextConnectionAsync();
        await connection.HelloAsync(Interval);
        _ = await connection.ReceiveAsync();

        var client = _h.Get<GatewayClient>();
        Assert.Equal("connecting", client.State);

        await connection.CloseAsync(4004, "Authentication failed.");
        await _run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("stopped", client.State);
        Assert.Contains("Discord:BotToken", client.StoppedBecause, StringComparison.Ordinal);
        Assert.Contains(_h.Logs.Lines, l => l.Level >= LogLevel.Error && l.Message.Contains("4004", StringComparison.Ordinal) && l.Message.Contains("token", StringComparison.Ordinal));
        _h.Time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(50);
        Assert.Equal(1, _h.Fake.ConnectionCount);
    }

    [Fact]
    public async Task ResumableClose_BeforeReady_BacksOffThenReconnects()
    {
        var connection = await _h.Fake.NextConnectionAsync();
        await connection.HelloAsync(Interval);
        _ = await connection.ReceiveAsync();

        await connection.CloseAsync(4000, "Unknown error");
        await Task.Delay(50);
        Assert.Equal(1, _h.Fake.ConnectionCount);
        FakeGatewayConnection? next = null;
        await _h.AdvanceUntilAsync(() => _h.Fake.TryNextConnection(out next), TimeSpan.FromMilliseconds(100));

        Assert.NotNull(next);
    }

    /// <summary>Hello, identify, READY (sequence 1, session "session-1"): a connected bot.</summary>
    private async Task<FakeGatewayConnection> ReadyAsync()
    {
        var connection = await _h.Fake.NextConnectionAsync();
        await connection.HelloAsync(Interval);
        var identify = await connection.ReceiveAsync();
        Assert.Equal(2, identify.GetProperty("op").GetInt32());
        await connection.ReadyAsync(1, "session-1", _h.Fake.ResumeUrl);
        await Harness.EventuallyAsync(() => _h.Get<GatewayClient>().Session.SessionId == "session-1", "READY");
        return connection;
    }
}
