using System.Text.Json.Nodes;

namespace CyberCode.Teams.Activities;

/// <summary>An activity the bot sends through the Connector.</summary>
internal sealed record OutgoingActivity
{
    public required string Type { get; init; }

    /// <summary>Set on an update (PUT): the activity being replaced.</summary>
    public string? Id { get; init; }

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

    /// <summary>A card posted into a conversation by the bot on its own (a quiz question from a timer), not as a reply.</summary>
    public static OutgoingActivity Card(Quizzes.ConversationReference to, JsonObject card, string summary) => Addressed(to) with
    {
        Summary = summary,
        Attachments = [new Attachment(AdaptiveCardType, card)],
    };

    public static OutgoingActivity Message(Quizzes.ConversationReference to, string text) => Addressed(to) with { Text = text, TextFormat = "plain" };

    /// <summary>From the bot to everyone in the conversation <paramref name="to"/> names.</summary>
    private static OutgoingActivity Addressed(Quizzes.ConversationReference to) => new()
    {
        Type = "message",
        From = to.BotId is null ? null : new ChannelAccount { Id = to.BotId, Name = to.BotName },
        Conversation = new ConversationAccount { Id = to.ConversationId, ConversationType = to.ConversationType, TenantId = to.TenantId, IsGroup = to.IsGroup },
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
