using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CyberCode.Discord.Rendering;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Rest;

/// <summary>
/// The few REST calls the bot makes, over a typed <see cref="HttpClient"/> whose handler
/// (<see cref="RateLimitHandler"/>) keeps to the rate limits and retries.
/// </summary>
internal sealed class DiscordRestClient
{
    private readonly HttpClient _http;

    public DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        var settings = options.Value;
        _http.BaseAddress = settings.ApiBase();
        _http.DefaultRequestHeaders.UserAgent.Clear();
        // The form Discord asks for: DiscordBot ($url, $versionNumber).
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "DiscordBot (https://github.com/cybercode/cybercode, 1.0)");
        if (settings.HasToken)
        {
            // Webhook calls (editing a deferred answer) need no token, so an endpoint-only bot works without one.
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", settings.BotToken!.Trim());
        }
    }

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(HttpMethod.Get, "gateway/bot", null, cancellationToken);
        var root = doc.RootElement;
        var limit = root.Object("session_start_limit");
        return new GatewayBotInfo(
            root.String("url") ?? throw new DiscordApiException(HttpStatusCode.OK, "GET /gateway/bot answered without a url."),
            root.Int("shards") ?? 1,
            new SessionStartLimit(
                limit?.Int("total") ?? 1000,
                limit?.Int("remaining") ?? 1000,
                limit?.Int("reset_after") ?? 0,
                Math.Max(1, limit?.Int("max_concurrency") ?? 1)));
    }

    /// <summary>Posts a message with the bot's token and returns its id.</summary>
    public Task<string?> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken) =>
        SendForIdAsync(HttpMethod.Post, $"channels/{Uri.EscapeDataString(channelId)}/messages", message, cancellationToken);

    public Task EditMessageAsync(string channelId, string messageId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAndForgetAsync(HttpMethod.Patch, $"channels/{Uri.EscapeDataString(channelId)}/messages/{Uri.EscapeDataString(messageId)}", message, cancellationToken);

    /// <summary>A follow-up message of an interaction (ephemeral with flags 64), within the token's 15 minutes; returns its id.</summary>
    public Task<string?> CreateFollowupAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken) =>
        SendForIdAsync(HttpMethod.Post, $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(token)}?wait=true", message, cancellationToken);

    public Task EditFollowupAsync(string applicationId, string token, string messageId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAndForgetAsync(HttpMethod.Patch, $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(token)}/messages/{Uri.EscapeDataString(messageId)}", message, cancellationToken);

    public Task CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse response, CancellationToken cancellationToken) =>
        SendAndForgetAsync(HttpMethod.Post, $"interactions/{Uri.EscapeDataString(interactionId)}/{Uri.EscapeDataString(token)}/callback", response, cancellationToken);

    public Task EditOriginalResponseAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken) =>
        SendAndForgetAsync(HttpMethod.Patch, $"webhooks/{Uri.EscapeDataString(applicationId)}/{Uri.EscapeDataString(token)}/messages/@original", message, cancellationToken);

    /// <summary>Replaces every command of the application (in one guild when <paramref name="guildId"/> is given) and returns Discord's list.</summary>
    public async Task<JsonDocument> BulkOverwriteCommandsAsync(string applicationId, string? guildId, object commands, CancellationToken cancellationToken)
    {
        var path = guildId is null
            ? $"applications/{Uri.EscapeDataString(applicationId)}/commands"
            : $"applications/{Uri.EscapeDataString(applicationId)}/guilds/{Uri.EscapeDataString(guildId)}/commands";
        return await SendAsync(HttpMethod.Put, path, commands, cancellationToken);
    }

    private async Task<string?> SendForIdAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var doc = await SendAsync(method, path, body, cancellationToken);
        return doc.RootElement.String("id");
    }

    private async Task SendAndForgetAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken) =>
        (await SendAsync(method, path, body, cancellationToken)).Dispose();

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is MessagePayload { Files.Count: > 0 } withFiles)
        {
            request.Content = WithFiles(withFiles);
        }
        else if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, DiscordJson.Options), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DiscordApiException(response.StatusCode, Describe(method, path, response.StatusCode, text));
        }

        return text.Length == 0 ? JsonDocument.Parse("null") : JsonDocument.Parse(text);
    }

    /// <summary>A message with files, as Discord's "Uploading Files" asks: <c>payload_json</c>, then <c>files[n]</c> with a file name each.</summary>
    private static MultipartFormDataContent WithFiles(MessagePayload message)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(JsonSerializer.Serialize(message, DiscordJson.Options), Encoding.UTF8, "application/json"), "payload_json");
        for (var i = 0; i < message.Files!.Count; i++)
        {
            var file = message.Files[i];
            var content = new ByteArrayContent(file.Content);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            form.Add(content, $"files[{i}]", file.Name);
        }

        return form;
    }

    private static string Describe(HttpMethod method, string path, HttpStatusCode status, string body)
    {
        var route = path.Split('/')[0];
        var hint = status switch
        {
            HttpStatusCode.Unauthorized => " Discord refused the token: check Discord:BotToken (Developer Portal, Bot, Reset Token).",
            HttpStatusCode.Forbidden => " The bot lacks a permission here, or the application id does not match the token: check Discord:ApplicationId and the bot's role.",
            HttpStatusCode.NotFound => " Discord does not know this id (application, guild, channel or interaction).",
            _ => string.Empty,
        };
        var detail = body.Length > 500 ? body[..500] + "…" : body;
        return $"Discord answered {method} /{route}/… with {(int)status} {status}.{hint} {detail}".TrimEnd();
    }
}

internal sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

internal sealed record SessionStartLimit(int Total, int Remaining, int ResetAfterMilliseconds, int MaxConcurrency);
