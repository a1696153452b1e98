using System.Text.Json.Serialization;

namespace CyberCode.Discord.Rendering;

// The shapes of what the bot sends, serialized with DiscordJson (snake_case, nulls left out).

/// <summary>A message: a new one, a reply, an interaction response's data or an edit of one.</summary>
internal sealed record MessagePayload(
    IReadOnlyList<Embed>? Embeds = null,
    IReadOnlyList<ActionRow>? Components = null,
    string? Content = null,
    int? Flags = null,
    MessageReference? MessageReference = null)
{
    /// <summary>Ephemeral: only the person who used the command sees it.</summary>
    public const int Ephemeral = 64;

    /// <summary>Sent on every message, so text from a person or an entry never pings anyone.</summary>
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;

    /// <summary>
    /// Files to attach. They cannot travel in JSON: the REST client sends the message as
    /// <c>multipart/form-data</c>, the JSON in <c>payload_json</c> and file n in <c>files[n]</c>, and an
    /// interaction whose reply has files is deferred first (Discord takes no files in the HTTP
    /// response to an interaction; the edit of the deferred response carries them).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<FileUpload>? Files { get; init; }

    /// <summary>What the JSON says of <see cref="Files"/>: each one's index as its id, its name and description.</summary>
    public IReadOnlyList<AttachmentInfo>? Attachments =>
        Files is { Count: > 0 } files ? [.. files.Select((f, i) => new AttachmentInfo(i, f.Name, f.Description))] : null;
}

/// <summary>A file to upload with a message.</summary>
internal sealed record FileUpload(string Name, string ContentType, byte[] Content, string? Description = null);

/// <summary>An attachment in a message's JSON, pointing at the upload <c>files[Id]</c>.</summary>
internal sealed record AttachmentInfo(int Id, string Filename, string? Description);

internal sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    public static readonly AllowedMentions None = new([]);
}

internal sealed record MessageReference(string MessageId, bool FailIfNotExists = false);

internal sealed record Embed(string? Title, string? Description, IReadOnlyList<EmbedField>? Fields, EmbedFooter? Footer, EmbedAuthor? Author = null, int? Color = null);

internal sealed record EmbedField(string Name, string Value, bool Inline = false);

internal sealed record EmbedFooter(string Text);

internal sealed record EmbedAuthor(string Name);

internal sealed record ActionRow(IReadOnlyList<Button> Components)
{
    public int Type => 1;
}

internal sealed record Button(int Style, string Label, string CustomId)
{
    public const int Primary = 1;
    public const int Secondary = 2;
    public const int Success = 3;
    public const int Danger = 4;

    public int Type => 2;

    /// <summary>Shown but not pressable (a revealed quiz question); left out when null.</summary>
    public bool? Disabled { get; init; }
}

/// <summary>What an interaction is answered with; <see cref="Data"/> is a message or autocomplete choices.</summary>
internal sealed record InteractionResponse(int Type, object? Data = null)
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int AutocompleteResult = 8;
    public const int Modal = 9;
}

internal sealed record AutocompleteChoices(IReadOnlyList<Choice> Choices);

internal sealed record Choice(string Name, string Value);

/// <summary>A modal form (interaction response type 9): up to five rows of one text input each.</summary>
internal sealed record Modal(string CustomId, string Title, IReadOnlyList<ActionRow<TextInput>> Components);

internal sealed record ActionRow<T>(IReadOnlyList<T> Components)
{
    public int Type => 1;
}

/// <summary>A text input of a modal (component type 4); style 1 one line, 2 a paragraph.</summary>
internal sealed record TextInput(string CustomId, string Label, int Style, string? Value = null)
{
    public int Type => 4;

    public int? MaxLength { get; init; }

    public bool Required { get; init; } = true;

    public string? Placeholder { get; init; }
}
