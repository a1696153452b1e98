using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Rest;

/// <summary>
/// Keeps the REST client inside Discord's documented limits: it learns each route's bucket from
/// <c>X-RateLimit-Bucket</c> and waits when a bucket is spent, waits <c>retry_after</c> on a 429
/// (pausing every request when the 429 is global), and tries 5xx answers and network errors again
/// with jittered back-off. 401 and 403 are never tried again: Discord bans an address that keeps
/// sending requests it refuses.
/// </summary>
internal sealed partial class RateLimitHandler(RateLimitBuckets buckets, DiscordJitter jitter, TimeProvider time, IOptions<DiscordOptions> options, ILogger<RateLimitHandler> logger) : DelegatingHandler
{
    /// <summary>Beyond this many 429s in a row something is wrong with our accounting; give the error to the caller.</summary>
    private const int Max429Retries = 5;

    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(8);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = RouteKey(request.Method, request.RequestUri);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        int serverErrors = 0, limited = 0;
        while (true)
        {
            await buckets.WaitForGlobalAsync(cancellationToken);
            if (buckets.WaitFor(route) is { } spent && spent > TimeSpan.Zero)
            {
                LogBucketWait(logger, route, spent.TotalSeconds);
                await Task.Delay(spent, time, cancellationToken);
            }

            using var attempt = Copy(request, body);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(attempt, cancellationToken);
            }
            catch (HttpRequestException ex) when (serverErrors < options.Value.MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                var wait = BackOff(serverErrors++);
                LogNetworkRetry(logger, ex, request.Method, route, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }

            buckets.Learn(route, response.Headers);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && limited < Max429Retries)
            {
                limited++;
                var (wait, global) = await RetryAfterAsync(response, cancellationToken);
                response.Dispose();
                LogRateLimited(logger, request.Method, route, wait.TotalSeconds, global);
                if (global)
                {
                    buckets.PauseAll(wait);
                }
                else
                {
                    buckets.Spend(route, wait);
                }

                continue;
            }

            if ((int)response.StatusCode >= 500 && serverErrors < options.Value.MaxRetries)
            {
                var wait = BackOff(serverErrors++);
                LogServerRetry(logger, request.Method, route, (int)response.StatusCode, wait.TotalSeconds);
                response.Dispose();
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }

            return response;
        }
    }

    /// <summary>
    /// Discord's buckets are per route and per major parameter (channel, guild, webhook), so two
    /// channels never share one; other ids are generalised so the map stays small.
    /// </summary>
    internal static string RouteKey(HttpMethod method, Uri? uri)
    {
        var segments = (uri?.AbsolutePath ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<string>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var previous = i > 0 ? segments[i - 1] : string.Empty;
            var major = previous is "channels" or "guilds" or "webhooks" || (i > 1 && segments[i - 2] == "webhooks");
            var token = i > 1 && segments[i - 2] == "interactions";
            parts.Add(major ? segments[i] : token ? "{token}" : segments[i].All(char.IsAsciiDigit) || previous == "interactions" ? "{id}" : segments[i]);
        }

        return method.Method + " /" + string.Join('/', parts);
    }

    /// <summary>The body's <c>retry_after</c> (seconds, fractional) is the precise one; the header is whole seconds.</summary>
    private static async Task<(TimeSpan Wait, bool Global)> RetryAfterAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (doc.RootElement.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number)
                {
                    seconds = r.GetDouble();
                }

                global |= doc.RootElement.Bool("global");
            }
        }
        catch (JsonException)
        {
            // A 429 from Cloudflare rather than Discord has an HTML body; the header still says how long.
        }

        seconds ??= Header(response.Headers, "Retry-After") ?? 1;
        return (TimeSpan.FromSeconds(Math.Clamp(seconds.Value, 0, 3600)), global);
    }

    private TimeSpan BackOff(int attempt)
    {
        var ceiling = Math.Min(MaxBackOff.TotalMilliseconds, 500 * Math.Pow(2, attempt));
        return TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * jitter.Next());
    }

    internal static double? Header(System.Net.Http.Headers.HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static HttpRequestMessage Copy(HttpRequestMessage request, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var (name, values) in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(name, values);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var (name, values) in request.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return copy;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Discord rate-limited {Method} {Route}: waiting {Seconds:0.###} s (global: {Global})")]
    private static partial void LogRateLimited(ILogger logger, HttpMethod method, string route, double seconds, bool global);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Discord answered {Method} {Route} with {Status}; trying again in {Seconds:0.###} s")]
    private static partial void LogServerRetry(ILogger logger, HttpMethod method, string route, int status, double seconds);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Could not reach Discord for {Method} {Route}; trying again in {Seconds:0.###} s")]
    private static partial void LogNetworkRetry(ILogger logger, Exception exception, HttpMethod method, string route, double seconds);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Bucket of {Route} is spent; waiting {Seconds:0.###} s")]
    private static partial void LogBucketWait(ILogger logger, string route, double seconds);
}
