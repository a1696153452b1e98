using CyberCode.Discord.Gateway;

namespace CyberCode.Discord.Tests.Fake;

/// <summary>
/// Tests that start with the bot connected to the fake Gateway, its session READY and its own
/// user id known; each test then dispatches events and watches the fake REST API.
/// </summary>
public abstract class ReadyGatewayTests : IAsyncLifetime
{
    protected const string BotId = "100";

    private Task _run = Task.CompletedTask;
    private CancellationTokenSource _stop = new();
    private int _sequence = 1;

    internal Harness Discord { get; private set; } = null!;

    internal FakeGatewayConnection Gateway { get; private set; } = null!;

    /// <summary>The sequence number for the next dispatched event.</summary>
    protected int NextSequence() => ++_sequence;

    public async Task InitializeAsync()
    {
        Discord = await Harness.StartAsync();
        (_run, _stop) = Discord.RunGateway();
        Assert.Equal("/gateway/bot", (await Discord.Fake.NextRequestAsync()).Path);
        Gateway = await Discord.Fake.NextConnectionAsync();
        await Gateway.HelloAsync(41_250);
        _ = await Gateway.ReceiveAsync();
        await Gateway.ReadyAsync(_sequence, "session-1", Discord.Fake.ResumeUrl, BotId);
        await Harness.EventuallyAsync(() => Discord.Get<GatewayClient>().Session.SessionId is not null, "READY");
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
        await Discord.DisposeAsync();
    }
}
