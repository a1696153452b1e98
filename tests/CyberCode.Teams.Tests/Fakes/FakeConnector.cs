using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CyberCode.Teams.Tests.Fakes;

/// <summary>One call the bot made to the Connector.</summary>
internal sealed record ConnectorCall(string Method, string Path, string? Authorization, JsonObject Activity, DateTimeOffset At, int Status)
{
    public string Type => Activity["type"]?.GetValue<string>() ?? string.Empty;

    public JsonObject? Card => Activity["attachments"]?[0]?["content"] as JsonObject;

    /// <summary>The activity id the fake answered with (what an update later names).</summary>
    public string? ResponseId { get; init; }
}

/// <summary>
/// The Bot Framework Connector's REST API on loopback: records every call (with the time on the
/// bot's clock) and answers 200 with an id, unless the test scripted failures first.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _script = new();
    private readonly List<ConnectorCall> _calls = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private int _ids;

    private FakeConnector(WebApplication app, Uri address, TimeProvider time)
    {
        _app = app;
        ServiceUrl = address;
        _time = time;
    }

    /// <summary>What activities carry as <c>serviceUrl</c>.</summary>
    public Uri ServiceUrl { get; }

    public IReadOnlyList<ConnectorCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Only the successful calls, i.e. what the person sees.</summary>
    public IReadOnlyList<ConnectorCall> Delivered => [.. Calls.Where(c => c.Status < 300)];

    public static async Task<FakeConnector> StartAsync(TimeProvider time)
    {
        FakeConnector? fake = null;
        var (app, address) = await Loopback.StartAsync(app =>
        {
            app.MapPost("/v3/conversations/{conversation}/activities", (Delegate)((HttpContext http) => fake!.RecordAsync(http)));
            app.MapPost("/v3/conversations/{conversation}/activities/{id}", (Delegate)((HttpContext http) => fake!.RecordAsync(http)));
            app.MapPut("/v3/conversations/{conversation}/activities/{id}", (Delegate)((HttpContext http) => fake!.RecordAsync(http)));
        });
        fake = new FakeConnector(app, address, time);
        return fake;
    }

    /// <summary>The next calls are answered with these statuses, in order (429 with Retry-After: <paramref name="retryAfter"/>).</summary>
    public void FailNext(int status, string? retryAfter = null) => _script.Enqueue((status, retryAfter));

    /// <summary>Completes when at least <paramref name="count"/> calls have succeeded.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForDeliveredAsync(int count)
    {
        Task done;
        lock (_lock)
        {
            if (_calls.Count(c => c.Status < 300) >= count)
            {
                return Delivered;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, tcs));
            done = tcs.Task;
        }

        await done.WaitAsync(TimeSpan.FromSeconds(10));
        return Delivered;
    }

    private async Task<IResult> RecordAsync(HttpContext http)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        var (status, retryAfter) = _script.TryDequeue(out var next) ? next : (200, null);
        var id = status < 300 ? "reply-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture) : null;
        var call = new ConnectorCall(http.Request.Method, http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget, http.Request.Headers.Authorization.ToString(), body, _time.GetUtcNow(), status) { ResponseId = id };
        lock (_lock)
        {
            _calls.Add(call);
            var delivered = _calls.Count(c => c.Status < 300);
            foreach (var waiter in _waiters.Where(w => w.Count <= delivered).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        if (retryAfter is not null)
        {
            http.Response.Headers.RetryAfter = retryAfter;
        }

        return status < 300
            ? Results.Json(new { id })
            : Results.Json(new { error = new { code = "Scripted", message = "scripted failure" } }, statusCode: status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
