using System.Text.Json;
using CyberCode.Teams.Activities;

namespace CyberCode.Teams.Quizzes;

/// <summary>
/// What the quiz presenter needs to post into a conversation long after the activity that started
/// the quiz was answered: from a timer, and even after a restart. Stored by Core as the opaque
/// <c>Incoming.ReplyTo</c> (a small JSON object), so it holds no secret and nothing personal
/// beyond the ids Teams already sent.
/// </summary>
internal sealed record ConversationReference
{
    public required string ServiceUrl { get; init; }

    public required string ConversationId { get; init; }

    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    /// <summary>The bot as Teams addresses it in this conversation (<c>28:&lt;appId&gt;</c>).</summary>
    public string? BotId { get; init; }

    public string? BotName { get; init; }

    /// <summary>A personal (1:1) chat: everything there is already private.</summary>
    public bool IsPersonal => string.Equals(ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    public static ConversationReference From(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationReference
        {
            ServiceUrl = activity.ServiceUrl!,
            ConversationId = activity.Conversation!.Id!,
            ConversationType = activity.Conversation.ConversationType,
            TenantId = activity.TenantId,
            IsGroup = activity.Conversation.IsGroup,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, ActivityJson.Options);

    /// <summary>The reference stored in <paramref name="json"/>; null when there is none or it is not one (an older or foreign value).</summary>
    public static ConversationReference? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var reference = JsonSerializer.Deserialize<ConversationReference>(json, ActivityJson.Options);
            return reference is { ServiceUrl.Length: > 0, ConversationId.Length: > 0 }
                && Uri.TryCreate(reference.ServiceUrl, UriKind.Absolute, out var url)
                && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
                ? reference
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
