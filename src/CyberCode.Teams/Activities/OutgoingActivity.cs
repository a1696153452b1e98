using System.Text.Json.Nodes;

namespace CyberCode.Teams.Activities;

/// <summary>An activity the bot sends through the Connector.</summary>
internal sealed record OutgoingActivity
{
    public required string Type { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    /// <summary>What a notification or a client that cannot render the card shows.</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    public static OutgoingActivity Typing(Activity to) => Addressed(to) with { Type = "typing" };

    public static OutgoingActivity Message(Activity to, string text) => Addressed(to) with { Type = "message", Text = text, TextFormat = "plain" };

    public static OutgoingActivity Card(Activity to, JsonObject card, string summary) => Addressed(to) with
    {
        Type = "message",
        Summary = summary,
        Attachments = [new Attachment(AdaptiveCardType, card)],
    };

    /// <summary>From the bot to whoever wrote <paramref name="to"/>, in the same conversation.</summary>
    private static OutgoingActivity Addressed(Activity to) => new()
    {
        Type = "message",
        From = to.Recipient,
        Recipient = to.From,
        Conversation = to.Conversation is { } c ? new ConversationAccount { Id = c.Id, ConversationType = c.ConversationType, TenantId = c.TenantId, IsGroup = c.IsGroup } : null,
        ReplyToId = to.Id,
    };
}

internal sealed record Attachment(string ContentType, JsonObject Content);
