using System.Globalization;
using System.Text.Json;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;

namespace CyberCode.Discord.Interactions;

/// <summary>
/// The modal forms behind <c>/kb add-term</c>, <c>/kb add-question</c> and <c>/kb edit</c>, and
/// reading a submitted form back into the <see cref="KbCommand"/> the typed grammar would give.
/// An edit form carries the revision it was filled from in its <c>custom_id</c>, so saving it after
/// someone else changed the entry is refused as a conflict rather than overwriting their change.
/// </summary>
internal static class ModerationForms
{
    public const string Prefix = "cc:kb:";

    // Discord's limits for modals: title and labels 45, a text input's value 4000, 5 rows.
    private const int TitleLimit = 45;
    private const int ValueLimit = 4000;
    private const int Short = 1;
    private const int Paragraph = 2;

    private const string TitleField = "title";
    private const string TextField = "text";
    private const string QuotesField = "quotes";
    private const string PhrasingsField = "phrasings";

    public static Modal Add(EntryKind kind) => new(
        Prefix + (kind == EntryKind.Term ? "add:term" : "add:question"),
        kind == EntryKind.Term ? "Add a term" : "Add a question",
        Rows(kind, null));

    /// <summary>
    /// The add-question form started from a miss in <c>kb misses</c>: the question as asked and
    /// the passage text the bot found closest, to be checked; the answer is the moderator's.
    /// </summary>
    public static Modal AddFromMiss(string question, string? quote) => new(
        Prefix + "add:question",
        "Add a question",
        Rows(EntryKind.Question, new Entry("new", EntryKind.Question, question, [], string.Empty, quote is null ? [] : [new Citation(string.Empty, string.Empty, quote, 0, 0)], string.Empty)));

    /// <summary>
    /// The button under a miss that opens <see cref="AddFromMiss"/>: <c>cc:kbnew:</c> and a hash
    /// of the question, short enough for any question; the press looks the miss up again.
    /// </summary>
    public const string NewFromMissPrefix = "cc:kbnew:";

    public static string NewFromMissId(string question) =>
        NewFromMissPrefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(question.Trim())))[..16];

    /// <summary>The edit form prefilled with the entry; null when its id makes the custom_id too long (then the text command is offered).</summary>
    public static Modal? Edit(Entry entry, int revision)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var customId = string.Create(CultureInfo.InvariantCulture, $"{Prefix}edit:{revision}:{entry.Id}");
        return customId.Length > AnswerRenderer.CustomIdLimit
            ? null
            : new Modal(customId, DiscordText.Cut("Edit " + entry.Id, TitleLimit), Rows(entry.Kind, entry));
    }

    /// <summary>Reads a MODAL_SUBMIT's data; null when the custom_id is not one of these forms.</summary>
    public static KbCommand? Read(JsonElement data)
    {
        var customId = data.String("custom_id") ?? string.Empty;
        if (!customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var values = data.Array("components")
            .SelectMany(row => row.Array("components"))
            .Where(c => c.String("custom_id") is not null)
            .GroupBy(c => c.String("custom_id")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().String("value") ?? string.Empty, StringComparer.Ordinal);
        string? Value(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var cites = Lines(Value(QuotesField), ['\n']);
        var phrasings = Lines(Value(PhrasingsField), ['\n', ';']);
        var parts = customId[Prefix.Length..].Split(':', 3);
        switch (parts)
        {
            case ["add", var kind]:
                return new KbCommand(KbVerb.Add)
                {
                    Kind = kind == "term" ? EntryKind.Term : EntryKind.Question,
                    Title = Value(TitleField),
                    Text = Value(TextField),
                    Cites = cites,
                    Phrasings = phrasings.Count == 0 ? null : phrasings,
                };
            case ["edit", var rev, var id] when int.TryParse(rev, NumberStyles.None, CultureInfo.InvariantCulture, out var revision):
                return new KbCommand(KbVerb.Edit)
                {
                    EntryId = id,
                    Revision = revision,
                    Title = Value(TitleField),
                    Text = Value(TextField),
                    Cites = cites.Count == 0 ? null : cites,
                    // An emptied field means "no more phrasings": the form showed them all.
                    Phrasings = phrasings,
                };
            default:
                return new KbCommand(KbVerb.Help, "This form belongs to an older version of the bot. Open it again with /kb.");
        }
    }

    private static ActionRow<TextInput>[] Rows(EntryKind kind, Entry? entry)
    {
        var term = kind == EntryKind.Term;
        return
        [
            Row(new TextInput(TitleField, term ? "Term" : "Question", Short, Value(entry?.Title)) { MaxLength = 300, Placeholder = term ? "e.g. cyber sovereignty" : "e.g. What did the 2015 draft add?" }),
            Row(new TextInput(TextField, term ? "Definition" : "Answer", Paragraph, Value(entry?.Text)) { MaxLength = ValueLimit }),
            Row(new TextInput(QuotesField, "Quote(s) from the essay, one per line", Paragraph, Value(entry is null ? null : string.Join('\n', entry.Citations.Select(c => c.Quote)))) { MaxLength = ValueLimit, Placeholder = "Word for word, as in the essay" }),
            Row(new TextInput(PhrasingsField, term ? "Aliases, one per line (optional)" : "Other phrasings, one per line (optional)", Paragraph, Value(entry is null ? null : string.Join('\n', entry.Phrasings))) { MaxLength = ValueLimit, Required = false }),
        ];
    }

    private static ActionRow<TextInput> Row(TextInput input) => new([input]);

    /// <summary>A prefilled value within the limit; null (no value) when empty.</summary>
    private static string? Value(string? text) => string.IsNullOrEmpty(text) ? null : text.Length <= ValueLimit ? text : text[..ValueLimit];

    private static List<string> Lines(string? text, char[] separators) =>
        text is null ? [] : [.. text.Split(separators).Select(Unquote).Where(l => l.Length > 0)];

    private static string Unquote(string line)
    {
        var t = line.Trim();
        return t.Length >= 2 && t[0] is '"' or '“' && t[^1] is '"' or '”' ? t[1..^1].Trim() : t;
    }
}
