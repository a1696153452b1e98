using System.Net.WebSockets;
using System.Text.Json;
using CyberCode.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Gateway;

/// <summary>
/// One shard's Gateway session: Hello, Identify (or Resume), heartbeats, and every documented way
/// a connection ends, each mapped to what comes next (resume, identify anew, or stop). Events are
/// handed to <see cref="GatewayDispatcher"/> without holding up the receive loop.
/// </summary>
internal sealed partial class GatewayClient(
    DiscordRestClient rest,
    GatewayDispatcher dispatcher,
    DiscordIdentity identity,
    DiscordJitter jitter,
    TimeProvider time,
    IOptions<DiscordOptions> options,
    ILogger<GatewayClient> logger)
{
    /// <summary>GUILDS (1), GUILD_MESSAGES (512), DIRECT_MESSAGES (4096); no privileged intent.</summary>
    public const int Intents = 1 | 512 | 4096;

    /// <summary>One identify per 5 s per rate-limit key (this process runs one shard, so one key).</summary>
    private static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(60);

    private readonly GatewaySession _session = new();
    private DateTimeOffset? _lastIdentify;

    /// <summary>What ended the client when it stopped for good (a fatal close code), for health and tests.</summary>
    public string? StoppedBecause { get; private set; }

    /// <summary>
    /// Where the client is, for <c>/readyz</c>: <c>connecting</c> until READY or RESUMED, then
    /// <c>ready</c> until that connection ends; <c>stopped</c> after a close code that must not be
    /// retried (see <see cref="StoppedBecause"/>).
    /// </summary>
    public string State => StoppedBecause is not null ? "stopped" : _established ? "ready" : "connecting";

    private volatile bool _established;

    /// <summary>The session as it stands: what a resume would send.</summary>
    internal GatewaySession Session => _session;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (failures > 0)
            {
                await Task.Delay(BackOff(failures), time, cancellationToken);
            }

            Next next;
            try
            {
                next = await ConnectOnceAsync(cancellationToken);
            }
            catch (DiscordApiException ex) when (ex.Status is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
            {
                Stop($"Discord refused the bot token ({(int)ex.Status}) when asked for the Gateway URL: check Discord:BotToken (Developer Portal, Bot, Reset Token).");
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or DiscordApiException or InvalidDataException or JsonException or IOException)
            {
                LogConnectionFailed(logger, ex, options.Value.Gateway.ShardId);
                next = Next.Retry;
            }

            switch (next)
            {
                case Next.Stop:
                    return;
                case Next.Healthy:
                    failures = 0;
                    break;
                case Next.Resume:
                    // Op 7 and a zombie connection: Discord expects the resume at once.
                    break;
                case Next.Reidentify:
                    _session.Clear();
                    // Discord asks for a random wait of 1-5 s before identifying again after op 9.
                    await Task.Delay(TimeSpan.FromSeconds(1 + 4 * jitter.Next()), time, cancellationToken);
                    failures = 0;
                    break;
                default:
                    failures++;
                    break;
            }
        }
    }

    private async Task<Next> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        var resume = _session.CanResume;
        var url = resume ? _session.ResumeUrl! : await PrepareIdentifyAsync(cancellationToken);
        await using var connection = new GatewayConnection();
        await connection.ConnectAsync(GatewayUri(url), cancellationToken);

        var hello = await connection.ReceiveAsync(cancellationToken);
        if (hello is null || hello.Op != GatewayOp.Hello || hello.Data.Int("heartbeat_interval") is not { } interval || interval <= 0)
        {
            throw new InvalidDataException("The Gateway did not start with Hello (op 10) and a heartbeat_interval.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var heartbeat = new Heartbeat(connection, _session, time, TimeSpan.FromMilliseconds(interval), jitter.Next());
        var beating = heartbeat.RunAsync(stop);
        try
        {
            if (resume)
            {
                LogResuming(logger, _session.SessionId!, _session.Sequence);
                await connection.SendAsync(new { op = GatewayOp.Resume, d = new { token = Token, session_id = _session.SessionId, seq = _session.Sequence } }, cancellationToken);
            }
            else
            {
                await IdentifyAsync(connection, cancellationToken);
            }

            return await ReceiveLoopAsync(connection, heartbeat, stop.Token);
        }
        catch (OperationCanceledException) when (heartbeat.Zombie && !cancellationToken.IsCancellationRequested)
        {
            return await ZombieAsync(connection);
        }
        catch (WebSocketException) when (heartbeat.Zombie)
        {
            return await ZombieAsync(connection);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await connection.CloseNormallyAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            _established = false;
            await stop.CancelAsync();
            try
            {
                await beating;
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The loop ends with the connection; how is of no interest.
            }
        }
    }

    private async Task<Next> ZombieAsync(GatewayConnection connection)
    {
        LogZombie(logger, options.Value.Gateway.ShardId);
        await connection.CloseForResumeAsync(CancellationToken.None);
        return Next.Resume;
    }

    private async Task<Next> ReceiveLoopAsync(GatewayConnection connection, Heartbeat heartbeat, CancellationToken cancellationToken)
    {
        var healthy = false;
        while (true)
        {
            var payload = await connection.ReceiveAsync(cancellationToken);
            if (payload is null)
            {
                return Closed(connection.CloseStatus, connection.CloseDescription, healthy);
            }

            if (payload.Sequence is { } s)
            {
                _session.Sequence = s;
            }

            switch (payload.Op)
            {
                case GatewayOp.Dispatch:
                    healthy |= OnDispatch(payload);
                    break;
                case GatewayOp.Heartbeat:
                    // The Gateway may ask for a beat at any time; it gets one at once.
                    await heartbeat.BeatAsync(cancellationToken);
                    break;
                case GatewayOp.HeartbeatAck:
                    heartbeat.Acknowledged();
                    break;
                case GatewayOp.Reconnect:
                    LogReconnectAsked(logger);
                    await connection.CloseForResumeAsync(CancellationToken.None);
                    return Next.Resume;
                case GatewayOp.InvalidSession:
                    var resumable = payload.Data.ValueKind == JsonValueKind.True;
                    LogInvalidSession(logger, resumable);
                    await connection.CloseForResumeAsync(CancellationToken.None);
                    return resumable && _session.CanResume ? Next.Resume : Next.Reidentify;
                default:
                    break;
            }
        }
    }

    /// <returns>True when the session is (again) established.</returns>
    private bool OnDispatch(GatewayPayload payload)
    {
        switch (payload.Type)
        {
            case "READY":
                var user = payload.Data.Object("user");
                _session.Start(payload.Data.String("session_id"), payload.Data.String("resume_gateway_url"));
                identity.Learn(user?.String("id"), payload.Data.Object("application")?.String("id"));
                LogReady(logger, user?.String("username") ?? "?", options.Value.Gateway.ShardId, options.Value.Gateway.ShardCount);
                _established = true;
                return true;
            case "RESUMED":
                LogResumed(logger, _session.Sequence);
                _established = true;
                return true;
            default:
                dispatcher.Dispatch(payload.Type, payload.Data);
                return false;
        }
    }

    /// <summary>What a close by the Gateway means for the next step (developers/topics/Opcodes_and_Status_Codes.md).</summary>
    private Next Closed(WebSocketCloseStatus? status, string? description, bool healthy)
    {
        var code = (int?)status ?? 1006;
        var fatal = code switch
        {
            4004 => "the bot token is wrong or was reset: set Discord:BotToken to the token shown under Bot in the Developer Portal",
            4010 => "the shard is invalid: check Discord:Gateway:ShardId and ShardCount",
            4011 => "the bot is in too many servers for one shard: set Discord:Gateway:ShardCount (and run one process per shard)",
            4012 => "the Gateway version is invalid (this build speaks v10)",
            4013 => "the intents value is invalid",
            4014 => "an intent is not allowed: this bot asks for GUILDS, GUILD_MESSAGES and DIRECT_MESSAGES only, so the application's settings have been changed",
            _ => null,
        };
        if (fatal is not null)
        {
            Stop($"The Discord Gateway closed the connection with {code} ({description}): {fatal}. The Gateway stays off until the service restarts.");
            return Next.Stop;
        }

        LogClosed(logger, code, description ?? string.Empty);
        if (code is 4007 or 4009)
        {
            // Invalid sequence or a timed-out session: resuming cannot work.
            _session.Clear();
        }

        return healthy ? Next.Healthy : Next.Retry;
    }

    private async Task<string> PrepareIdentifyAsync(CancellationToken cancellationToken)
    {
        var info = await rest.GetGatewayBotAsync(cancellationToken);
        var limit = info.SessionStartLimit;
        if (limit.Remaining <= 0)
        {
            var wait = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfterMilliseconds));
            LogStartLimit(logger, limit.Total, wait.TotalMinutes);
            await Task.Delay(wait, time, cancellationToken);
        }

        if (_lastIdentify is { } last && time.GetUtcNow() - last < IdentifyWindow)
        {
            await Task.Delay(last + IdentifyWindow - time.GetUtcNow(), time, cancellationToken);
        }

        return info.Url;
    }

    private async Task IdentifyAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        var shard = options.Value.Gateway;
        _lastIdentify = time.GetUtcNow();
        LogIdentifying(logger, shard.ShardId, shard.ShardCount);
        await connection.SendAsync(
            new
            {
                op = GatewayOp.Identify,
                d = new
                {
                    token = Token,
                    intents = Intents,
                    properties = new { os = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), browser = "cybercode", device = "cybercode" },
                    shard = new[] { shard.ShardId, shard.ShardCount },
                },
            },
            cancellationToken);
    }

    private string Token => options.Value.BotToken!.Trim();

    private TimeSpan BackOff(int failures)
    {
        var ceiling = Math.Min(MaxBackOff.TotalSeconds, Math.Pow(2, Math.Min(failures, 10)));
        return TimeSpan.FromSeconds(ceiling * (0.5 + 0.5 * jitter.Next()));
    }

    private void Stop(string reason)
    {
        StoppedBecause = reason;
        LogStopped(logger, reason);
    }

    private static Uri GatewayUri(string url)
    {
        var builder = new UriBuilder(url);
        builder.Query = "v=10&encoding=json";
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    private enum Next
    {
        /// <summary>The connection ended after READY or RESUMED: try again at once.</summary>
        Healthy,

        /// <summary>Resume on resume_gateway_url at once.</summary>
        Resume,

        /// <summary>The session is gone: identify anew after a short random wait.</summary>
        Reidentify,

        /// <summary>It failed before the session was up: back off before trying again.</summary>
        Retry,

        /// <summary>A close code that must not be retried.</summary>
        Stop,
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Discord Gateway: identifying as shard {ShardId} of {ShardCount}")]
    private static partial void LogIdentifying(ILogger logger, int shardId, int shardCount);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Discord Gateway: ready as {User} (shard {ShardId} of {ShardCount})")]
    private static partial void LogReady(ILogger logger, string user, int shardId, int shardCount);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Discord Gateway: resuming session {SessionId} at sequence {Sequence}")]
    private static partial void LogResuming(ILogger logger, string sessionId, int? sequence);

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "Discord Gateway: resumed at sequence {Sequence}")]
    private static partial void LogResumed(ILogger logger, int? sequence);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Information, Message = "Discord Gateway asked to reconnect (op 7); resuming")]
    private static partial void LogReconnectAsked(ILogger logger);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Warning, Message = "Discord Gateway: invalid session (op 9), resumable: {Resumable}")]
    private static partial void LogInvalidSession(ILogger logger, bool resumable);

    [LoggerMessage(EventId = 3307, Level = LogLevel.Warning, Message = "Discord Gateway: no heartbeat ACK since the last beat on shard {ShardId}; the connection is a zombie, reconnecting to resume")]
    private static partial void LogZombie(ILogger logger, int shardId);

    [LoggerMessage(EventId = 3308, Level = LogLevel.Warning, Message = "Discord Gateway closed the connection: {Code} {Description}")]
    private static partial void LogClosed(ILogger logger, int code, string description);

    [LoggerMessage(EventId = 3309, Level = LogLevel.Warning, Message = "Discord Gateway connection failed on shard {ShardId}; backing off")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, int shardId);

    [LoggerMessage(EventId = 3310, Level = LogLevel.Warning, Message = "Discord's daily limit of {Total} session starts is used up; waiting {Minutes:0.#} minutes before identifying")]
    private static partial void LogStartLimit(ILogger logger, int total, double minutes);

    [LoggerMessage(EventId = 3311, Level = LogLevel.Critical, Message = "Discord Gateway stopped: {Reason}")]
    private static partial void LogStopped(ILogger logger, string reason);
}
