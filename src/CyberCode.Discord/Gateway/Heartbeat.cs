namespace CyberCode.Discord.Gateway;

/// <summary>
/// The heartbeat of one connection: the first beat after <c>interval × jitter</c> (so a fleet of
/// reconnecting bots does not beat in step), then one every interval, each carrying the last
/// sequence number. A beat that finds the previous one unacknowledged marks the connection a
/// zombie and ends it, so the client reconnects and resumes.
/// </summary>
internal sealed class Heartbeat(GatewayConnection connection, GatewaySession session, TimeProvider time, TimeSpan interval, double jitter)
{
    private volatile bool _acknowledged = true;
    private volatile bool _zombie;

    public bool Zombie => _zombie;

    public void Acknowledged() => _acknowledged = true;

    public async Task RunAsync(CancellationTokenSource owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var token = owner.Token;
        await Task.Delay(interval * jitter, time, token);
        while (!token.IsCancellationRequested)
        {
            if (!_acknowledged)
            {
                _zombie = true;
                await owner.CancelAsync();
                return;
            }

            await BeatAsync(token);
            await Task.Delay(interval, time, token);
        }
    }

    public Task BeatAsync(CancellationToken cancellationToken)
    {
        _acknowledged = false;
        return connection.SendAsync(new { op = GatewayOp.Heartbeat, d = session.Sequence }, cancellationToken);
    }
}
