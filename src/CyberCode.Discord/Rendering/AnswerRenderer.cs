using CyberCode.Core.Answering;

namespace CyberCode.Discord.Rendering;

/// <summary>
/// Turns a channel-neutral <see cref="Answer"/> into a Discord message: one embed with the answer,
/// the quoted passages (id and section) as fields and the essay's title as footer, and buttons for
/// "did you mean", the whole passage and feedback. Discord's length limits are kept by cutting
/// text at a word with an ellipsis, never by failing the send.
/// </summary>
internal sealed class AnswerRenderer(string essayTitle)
{
    // Discord's limits (developers/resources/Message.md, "Embed Limits").
    internal const int TitleLimit = 256;
    internal const int DescriptionLimit = 4096;
    internal const int FieldNameLimit = 256;
    internal const int FieldValueLimit = 1024;
    internal const int FooterLimit = 2048;
    internal const int AuthorLimit = 256;
    internal const int EmbedTotalLimit = 6000;
    internal const int CustomIdLimit = 100;
    internal const int LabelLimit = 80;

    /// <summary>More quotes than this make a wall of text; the rest stay one button away.</summary>
    private const int MaxQuotedPassages = 3;

    private const int AnsweredColour = 0x2B6CB0;
    private const int UnansweredColour = 0x718096;

    public MessagePayload Render(Answer answer, bool ephemeral = false)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new MessagePayload(
            Embeds: [Embed(answer)],
            Components: Buttons(answer),
            Flags: ephemeral ? MessagePayload.Ephemeral : null);
    }

    /// <summary>A short message only the person sees: for errors and acknowledgements.</summary>
    public static MessagePayload Notice(string text) =>
        new(Content: DiscordText.Cut(DiscordText.Escape(text), 2000), Flags: MessagePayload.Ephemeral);

    internal Embed Embed(Answer answer)
    {
        var title = DiscordText.Cut(DiscordText.Escape(answer.Title ?? Heading(answer)), TitleLimit);
        // The author line shows what was asked; Discord shows it literally, so only mentions are defused.
        var author = string.IsNullOrWhiteSpace(answer.Question) ? null : new EmbedAuthor(DiscordText.Cut("Asked: " + OneLine(answer.Question).Replace("@", "@\u200B", StringComparison.Ordinal), AuthorLimit));
        var footer = new EmbedFooter(DiscordText.Cut(essayTitle, FooterLimit));
        var fields = answer.Kind == AnswerKinds.Source
            ? []
            : answer.Citations.Take(MaxQuotedPassages).Select(Field).ToList();

        var description = answer.Kind == AnswerKinds.Help
            ? "```\n" + answer.Text.Replace("```", "'''", StringComparison.Ordinal) + "\n```"
            : DiscordText.Escape(answer.Text);

        // The whole embed must stay within 6000 characters: the answer gives way first, then the last quotes.
        var fixedLength = title.Length + (author?.Name.Length ?? 0) + footer.Text.Length;
        while (fields.Count > 0 && fixedLength + FieldsLength(fields) + Math.Min(description.Length, 1000) > EmbedTotalLimit)
        {
            fields.RemoveAt(fields.Count - 1);
        }

        var room = Math.Min(DescriptionLimit, EmbedTotalLimit - fixedLength - FieldsLength(fields));
        description = answer.Kind == AnswerKinds.Help && description.Length > room
            ? DiscordText.Cut(answer.Text, room - 10)
            : DiscordText.Cut(description, room);
        return new Embed(title, description, fields.Count == 0 ? null : fields, footer, author, answer.Answered ? AnsweredColour : UnansweredColour);
    }

    internal static IReadOnlyList<ActionRow>? Buttons(Answer answer)
    {
        var rows = new List<ActionRow>();
        var suggestions = answer.Suggestions
            .Where(s => !string.IsNullOrWhiteSpace(s) && (CustomIds.Ask + s).Length <= CustomIdLimit)
            .Take(5)
            .Select(s => new Button(Button.Secondary, DiscordText.Cut(s, LabelLimit), CustomIds.Ask + s))
            .ToList();
        if (suggestions.Count > 0)
        {
            rows.Add(new ActionRow(suggestions));
        }

        var actions = new List<Button>();
        if (answer.Kind != AnswerKinds.Source)
        {
            actions.AddRange(answer.Citations.Take(MaxQuotedPassages).DistinctBy(c => c.PassageId)
                .Select(c => new Button(Button.Secondary, $"Whole passage {c.PassageId}", CustomIds.Passage + c.PassageId)));
        }

        if (answer.Answered && answer.Kind != AnswerKinds.Help)
        {
            actions.Add(new Button(Button.Success, "Helpful", CustomIds.Feedback(true, answer.Kind, answer.EntryId)));
            actions.Add(new Button(Button.Secondary, "Not helpful", CustomIds.Feedback(false, answer.Kind, answer.EntryId)));
        }

        if (actions.Count > 0)
        {
            rows.Add(new ActionRow(actions.Take(5).ToList()));
        }

        return rows.Count == 0 ? null : rows;
    }

    private static EmbedField Field(AnswerCitation citation) => new(
        DiscordText.Cut($"{citation.PassageId} · {citation.Section}", FieldNameLimit),
        DiscordText.Cut("> " + DiscordText.Escape(OneLine(citation.Quote)), FieldValueLimit));

    private static int FieldsLength(IEnumerable<EmbedField> fields) => fields.Sum(f => f.Name.Length + f.Value.Length);

    private static string Heading(Answer answer) => answer.Kind switch
    {
        AnswerKinds.Help => "How to ask",
        AnswerKinds.Suggestions => "Did you mean…",
        AnswerKinds.Decline or AnswerKinds.Refusal => "Not in the essay",
        _ => "Answer",
    };

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>The <c>custom_id</c>s of the bot's buttons: made here, read back by the interaction handler.</summary>
internal static class CustomIds
{
    public const string Ask = "cc:ask:";
    public const string Passage = "cc:passage:";
    public const string FeedbackPrefix = "cc:fb:";

    /// <summary><c>cc:fb:1:definition:cyber-sovereignty</c>; the entry id is dropped when it would not fit.</summary>
    public static string Feedback(bool helpful, string kind, string? entryId)
    {
        var id = $"{FeedbackPrefix}{(helpful ? '1' : '0')}:{kind}";
        return entryId is { Length: > 0 } && id.Length + 1 + entryId.Length <= AnswerRenderer.CustomIdLimit ? id + ":" + entryId : id;
    }
}
