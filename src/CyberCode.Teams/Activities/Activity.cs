using System.Text.Json;
using System.Text.Json.Serialization;

namespace CyberCode.Teams.Activities;

/// <summary>
/// The fields of a Bot Framework activity that CyberCode reads; the Connector sends many more,
/// which are ignored.
/// </summary>
internal sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? ReplyToId { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public JsonElement? Value { get; init; }

    public JsonElement? ChannelData { get; init; }

    /// <summary>The tenant, from the conversation or (older payloads) the channel data.</summary>
    public string? TenantId
    {
        get
        {
            if (!string.IsNullOrEmpty(Conversation?.TenantId))
            {
                return Conversation.TenantId;
            }

            return ChannelData is { ValueKind: JsonValueKind.Object } data
                && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
                && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
    }

    /// <summary>The Connector redelivers with the same id in the same conversation.</summary>
    public string? DeliveryKey => string.IsNullOrEmpty(Id) ? null : $"{Conversation?.Id}|{Id}";
}

internal sealed record ChannelAccount
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AadObjectId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Role { get; init; }
}

internal sealed record ConversationAccount
{
    public string? Id { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    public string? Name { get; init; }
}

internal sealed record Entity
{
    public string? Type { get; init; }

    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }
}

/// <summary>Reads activities as the Connector writes them (camelCase JSON).</summary>
internal static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // The JSON goes to the Connector, never into HTML: keep quotes and curly quotes as they
        // are, which also keeps the message small under the 100 KB limit.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The activity in <paramref name="body"/>, or why it is not one.</summary>
    public static (Activity? Activity, string? Problem) Parse(ReadOnlySpan<byte> body)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, Options);
        }
        catch (JsonException ex)
        {
            return (null, "The body is not a JSON activity: " + ex.Message);
        }

        if (activity is null)
        {
            return (null, "The body is not a JSON activity.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, "The activity has no type.");
        }

        if (string.IsNullOrWhiteSpace(activity.ServiceUrl) || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return (null, "The activity has no absolute http(s) serviceUrl.");
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return (null, "The activity has no channelId.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return (null, "The activity has no conversation id.");
        }

        return (activity, null);
    }
}
