using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyberCode.Discord.Tests.Fake;

/// <summary>One REST request the fake received.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The JSON body; for a multipart request (a message with files), its <c>payload_json</c> part.</summary>
    public JsonElement Json => JsonDocument.Parse(IsMultipart ? Parts()["payload_json"].Content : Body).RootElement.Clone();

    public bool IsMultipart => Headers.TryGetValue("Content-Type", out var type) && type.StartsWith("multipart/form-data", StringComparison.Ordinal);

    /// <summary>The parts of a <c>multipart/form-data</c> body by name, as Discord reads them: name, file name, type, text.</summary>
    public IReadOnlyDictionary<string, FormPart> Parts()
    {
        var boundary = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(
            Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(Headers["Content-Type"]).Boundary).Value!;
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, new MemoryStream(Encoding.UTF8.GetBytes(Body)));
        var parts = new Dictionary<string, FormPart>(StringComparer.Ordinal);
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            var disposition = Microsoft.Net.Http.Headers.ContentDispositionHeaderValue.Parse(section.ContentDisposition);
            using var text = new StreamReader(section.Body, Encoding.UTF8);
            var name = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(disposition.Name).Value!;
            var file = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            parts[name] = new FormPart(name, string.IsNullOrEmpty(file) ? null : file, section.ContentType, text.ReadToEnd());
        }

        return parts;
    }
}

/// <summary>One part of a multipart request.</summary>
internal sealed record FormPart(string Name, string? FileName, string? ContentType, string Content);

/// <summary>A scripted answer for the next REST request whose path starts with <see cref="PathPrefix"/>.</summary>
internal sealed record ScriptedResponse(string PathPrefix, int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// Discord on loopback, written from its documentation: the REST routes the bot calls (under
/// <c>/api/v10</c>) and a Gateway WebSocket at <c>/gateway</c> (and <c>/resume</c>, the
/// <c>resume_gateway_url</c> it hands out). Tests script it from outside: they see each request
/// and each Gateway connection and decide what Discord says next.
/// </summary>
internal sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<RecordedRequest> _requests = Channel.CreateUnbounded<RecordedRequest>();
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _all = new();
    private int _connectionCount;
    private long _messageIds = 900_000_000_000_000_000;

    private FakeDiscord(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    public Uri Root { get; }

    /// <summary>What <c>Discord:ApiBaseUrl</c> points at.</summary>
    public string ApiBaseUrl => new Uri(Root, "api/v10").ToString();

    public string GatewayUrl => $"ws://{Root.Authority}/gateway";

    public string ResumeUrl => $"ws://{Root.Authority}/resume";

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public IReadOnlyList<RecordedRequest> AllRequests => [.. _all];

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeDiscord? fake = null;
        app.UseWebSockets();
        app.Map("/gateway", context => fake!.AcceptGatewayAsync(context));
        app.Map("/resume", context => fake!.AcceptGatewayAsync(context));
        app.Map("/api/v10/{**route}", context => fake!.RestAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake = new FakeDiscord(app, new Uri(address.TrimEnd('/') + "/"));
        return fake;
    }

    public void Script(ScriptedResponse response) => _script.Enqueue(response);

    /// <summary>The next REST request (in order of arrival), failing the test after a few seconds.</summary>
    public async Task<RecordedRequest> NextRequestAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _requests.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next REST request, if one has arrived already.</summary>
    public RecordedRequest? TryNextRequest() => _requests.Reader.TryRead(out var request) ? request : null;

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    public bool TryNextConnection(out FakeGatewayConnection? connection) => _connections.Reader.TryRead(out connection);

    private async Task RestAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = "/" + (string?)context.Request.RouteValues["route"];
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(context.Request.Method, path, body, headers);
        _all.Enqueue(request);
        await _requests.Writer.WriteAsync(request);

        if (TakeScripted(path) is { } scripted)
        {
            context.Response.StatusCode = scripted.Status;
            foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(scripted.Body);
            return;
        }

        // Discord's documented success answers, as small as the bot needs them.
        var (status, json) = (context.Request.Method, path) switch
        {
            ("GET", "/gateway/bot") => (200, JsonSerializer.Serialize(new
            {
                url = GatewayUrl,
                shards = 1,
                session_start_limit = new { total = 1000, remaining = 999, reset_after = 14_400_000, max_concurrency = 1 },
            })),
            // A new message (in a channel, or an interaction's follow-up) gets a new id, as on Discord.
            ("POST", var p) when p.StartsWith("/channels/", StringComparison.Ordinal) || p.StartsWith("/webhooks/", StringComparison.Ordinal) => (200, NewMessage()),
            ("POST", var p) when p.StartsWith("/interactions/", StringComparison.Ordinal) => (204, string.Empty),
            ("PATCH", var p) when p.StartsWith("/webhooks/", StringComparison.Ordinal) => (200, "{\"id\":\"900000000000000002\"}"),
            ("PATCH", var p) when p.StartsWith("/channels/", StringComparison.Ordinal) && p.Contains("/messages/", StringComparison.Ordinal) => (200, "{\"id\":\"" + p[(p.LastIndexOf('/') + 1)..] + "\"}"),
            ("PUT", var p) when p.StartsWith("/applications/", StringComparison.Ordinal) => (200, WithIds(body)),
            _ => (404, "{\"message\":\"404: Not Found\",\"code\":0}"),
        };
        context.Response.StatusCode = status;
        if (json.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        }
    }

    private string NewMessage() => "{\"id\":\"" + Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"}";

    private ScriptedResponse? TakeScripted(string path)
    {
        // One at a time in order: a test scripts the next answers of the route it exercises.
        if (_script.TryPeek(out var next) && path.StartsWith(next.PathPrefix, StringComparison.Ordinal) && _script.TryDequeue(out var taken))
        {
            return taken;
        }

        return null;
    }

    private static string WithIds(string body)
    {
        var commands = JsonDocument.Parse(body).RootElement.EnumerateArray().Select((c, i) =>
        {
            var copy = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(c.GetRawText())!;
            copy["id"] = JsonSerializer.SerializeToElement((800_000_000_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return copy;
        });
        return JsonSerializer.Serialize(commands);
    }

    private async Task AcceptGatewayAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(socket, context.Request.Path.Value!, context.Request.QueryString.Value ?? string.Empty);
        Interlocked.Increment(ref _connectionCount);
        await _connections.Writer.WriteAsync(connection);
        await connection.PumpAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One client connection to the fake Gateway.</summary>
internal sealed class FakeGatewayConnection(WebSocket socket, string path, string query)
{
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public string Path { get; } = path;

    public string Query { get; } = query;

    /// <summary>Completes when the client closes or drops the connection, with the close code it sent, if any.</summary>
    public Task<WebSocketCloseStatus?> Closed => _closed.Task;

    public async Task SendAsync(object payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task HelloAsync(int heartbeatInterval) => SendAsync(new { op = 10, d = new { heartbeat_interval = heartbeatInterval }, s = (int?)null, t = (string?)null });

    public Task DispatchAsync(string type, int sequence, object data) => SendAsync(new { op = 0, d = data, s = sequence, t = type });

    public Task ReadyAsync(int sequence, string sessionId, string resumeUrl, string botUserId = "100", string applicationId = "200") =>
        DispatchAsync("READY", sequence, new
        {
            v = 10,
            user = new { id = botUserId, username = "CyberCode", bot = true },
            session_id = sessionId,
            resume_gateway_url = resumeUrl,
            application = new { id = applicationId },
            guilds = Array.Empty<object>(),
        });

    public Task AckAsync() => SendAsync(new { op = 11 });

    /// <summary>Closes from the server side with a Gateway close code.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next payload the client sent.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _frames.Reader.ReadAsync(cts.Token);
    }

    public bool TryReceive(out JsonElement frame) => _frames.Reader.TryRead(out frame);

    internal async Task PumpAsync()
    {
        var buffer = new byte[1 << 16];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult(result.CloseStatus);
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                await _frames.Writer.WriteAsync(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            _closed.TrySetResult(null);
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
