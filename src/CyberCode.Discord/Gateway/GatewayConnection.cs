using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CyberCode.Discord.Gateway;

/// <summary>One Gateway payload: <c>{"op", "d", "s", "t"}</c>.</summary>
internal sealed record GatewayPayload(int Op, JsonElement Data, int? Sequence, string? Type);

/// <summary>The opcodes of Gateway API v10.</summary>
internal static class GatewayOp
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

/// <summary>
/// A WebSocket to the Gateway that sends and receives whole JSON payloads. Sends are serialised:
/// a <see cref="ClientWebSocket"/> allows one send at a time, and heartbeats come from their own loop.
/// </summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    /// <summary>No payload the bot asks for comes near this; a larger one is a broken or hostile peer.</summary>
    private const int MaxPayloadBytes = 16 * 1024 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await _socket.ConnectAsync(uri, cancellationToken);
    }

    public async Task SendAsync(object payload, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next payload, or null when the Gateway closed the connection (see <see cref="CloseStatus"/>).</summary>
    public async Task<GatewayPayload?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var result = await _socket.ReceiveAsync(memory, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxPayloadBytes)
            {
                throw new InvalidDataException($"A Gateway payload exceeded {MaxPayloadBytes} bytes.");
            }

            if (result.EndOfMessage)
            {
                break;
            }
        }

        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || !op.TryGetInt32(out var code))
        {
            throw new InvalidDataException("A Gateway payload without a numeric \"op\": " + Encoding.UTF8.GetString(buffer.WrittenSpan[..Math.Min(200, buffer.WrittenCount)]));
        }

        return new GatewayPayload(
            code,
            root.TryGetProperty("d", out var d) ? d.Clone() : default,
            root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null,
            root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null);
    }

    /// <summary>
    /// Closes with a code other than 1000/1001, which keeps the session resumable, then drops the
    /// socket without waiting: a zombie connection would never answer the close.
    /// </summary>
    public async Task CloseForResumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)4000, "resuming", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // It is going away either way.
        }
        finally
        {
            _socket.Abort();
        }
    }

    /// <summary>A normal close: Discord ends the session, as wanted when the bot stops.</summary>
    public async Task CloseNormallyAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "stopping", cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Stopping anyway.
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _sendLock.Dispose();
        return ValueTask.CompletedTask;
    }
}
