using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Teams.Connector;

/// <summary>A Connector call that failed for good (after the retries the protocol allows).</summary>
internal sealed class ConnectorException(HttpStatusCode? status, string message, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}

/// <summary>
/// The Bot Framework Connector's REST API at the activity's serviceUrl: send, reply, update.
/// 412, 502, 503 and 504 (and a broken connection) are retried with exponential back-off, 429
/// after its Retry-After; nothing else is, as the SDK does. Waits run on the injected clock.
/// </summary>
internal sealed partial class ConnectorClient(IHttpClientFactory httpClients, ConnectorTokens tokens, IOptions<TeamsOptions> options, TimeProvider time, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "CyberCode.Teams.Connector";

    /// <summary>A Retry-After longer than this is not waited for: the answer would come too late to matter.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    private readonly TeamsOptions _options = options.Value;

    /// <summary>Posts a new activity to the conversation; returns the id the Connector gave it, when it says.</summary>
    public Task<string?> SendAsync(string serviceUrl, string conversationId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, Url(serviceUrl, conversationId, null), activity, cancellationToken);

    /// <summary>Posts <paramref name="activity"/> as a reply to <paramref name="replyToId"/>.</summary>
    public Task<string?> ReplyAsync(string serviceUrl, string conversationId, string replyToId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, Url(serviceUrl, conversationId, replyToId), activity, cancellationToken);

    /// <summary>Replaces an activity the bot sent before (a quiz card once its answer is revealed, say).</summary>
    public Task<string?> UpdateAsync(string serviceUrl, string conversationId, string activityId, OutgoingActivity activity, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Put, Url(serviceUrl, conversationId, activityId), activity, cancellationToken);

    internal static Uri Url(string serviceUrl, string conversationId, string? activityId)
    {
        var root = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (activityId is not null)
        {
            path += "/" + Uri.EscapeDataString(activityId);
        }

        return new Uri(new Uri(root), path);
    }

    private async Task<string?> CallAsync(HttpMethod method, Uri url, OutgoingActivity activity, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ActivityJson.Options);
        var http = httpClients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan wait;
            HttpStatusCode? status = null;
            try
            {
                using var request = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                if (await tokens.GetAsync(cancellationToken) is { } token)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await http.SendAsync(request, cancellationToken);
                status = response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return await ReadIdAsync(response, cancellationToken);
                }

                wait = response.StatusCode switch
                {
                    HttpStatusCode.TooManyRequests => RetryAfter(response) ?? Backoff(attempt),
                    HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => Backoff(attempt),
                    _ => TimeSpan.MinValue,
                };
                if (wait == TimeSpan.MinValue)
                {
                    var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                    throw new ConnectorException(status, $"The Connector answered {(int)response.StatusCode} {response.ReasonPhrase} to {method} {url.AbsolutePath}: {Shorten(detail)}");
                }
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken) && attempt < _options.MaxSendAttempts)
            {
                LogRetry(logger, ex, attempt, "no response", url.Host);
                await Task.Delay(Backoff(attempt), time, cancellationToken);
                continue;
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                throw new ConnectorException(null, $"The Connector at {url.Host} could not be reached after {attempt} attempts.", ex);
            }

            if (attempt >= _options.MaxSendAttempts || wait > LongestWait)
            {
                throw new ConnectorException(status, $"The Connector still answered {(int)status!} to {method} {url.AbsolutePath} after {attempt} attempt(s).");
            }

            LogRetry(logger, null, attempt, ((int)status!).ToString(System.Globalization.CultureInfo.InvariantCulture), url.Host);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>No answer at all: the connection failed, or the client's timeout (not our cancellation) ran out.</summary>
    private static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private TimeSpan Backoff(int attempt) => _options.RetryBaseDelay * Math.Pow(2, attempt - 1);

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var left = date - time.GetUtcNow();
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }

        return null;
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [LoggerMessage(EventId = 2611, Level = LogLevel.Information, Message = "Teams: Connector call attempt {Attempt} failed ({Status}) at {Host}; retrying")]
    private static partial void LogRetry(ILogger logger, Exception? exception, int attempt, string status, string host);
}
