using CyberCode.Core.Knowledge;
using CyberCode.Core.Learning;
using CyberCode.Core.Moderation;

namespace CyberCode.Bot.Web.Moderation;

/// <summary>The body of <c>POST /api/kb/entries</c>: a new term or question, as the add form fills it.</summary>
internal sealed record KbAddRequest(string? Kind, string? Title, string? Text, IReadOnlyList<string>? Cites, IReadOnlyList<string>? Phrasings, string? Id, bool Force);

/// <summary>
/// The body of <c>PUT /api/kb/entries/{id}</c>: the edit form's fields and the revision it was
/// loaded at, so a save after someone else's change is a conflict rather than a silent overwrite.
/// A field left out (null) keeps its value; an empty phrasings list removes them all.
/// </summary>
internal sealed record KbEditRequest(int? Revision, string? Title, string? Text, IReadOnlyList<string>? Cites, IReadOnlyList<string>? Phrasings);

internal sealed record KbPhraseRequest(string? Phrase);

internal sealed record KbRevertRequest(int? Revision);

internal sealed record KbImportRequest(string? Yaml, bool Apply);

/// <summary>A quote of a reply, as the chat shows citations.</summary>
internal sealed record KbCitationJson(string PassageId, string Section, string Quote, string? PassageText);

/// <summary>An entry's editable fields as this scope sees them, to fill the edit form.</summary>
internal sealed record KbEntryJson(string Id, string Kind, string Title, string Text, IReadOnlyList<string> Cites, IReadOnlyList<string> Phrasings, int Revision);

/// <summary>One revision of an entry in this scope, with what a revert button needs.</summary>
internal sealed record KbRevisionJson(int Revision, DateTimeOffset At, string By, string Action, bool Removed, string? Title, string? Text, bool Current);

/// <summary>One entry this scope added, changed, removed or hid.</summary>
internal sealed record KbListItemJson(string Id, string Status, int Revision, DateTimeOffset At, string By, string Title);

/// <summary>One missed question and the two ways to fix it that <c>kb misses</c> proposes.</summary>
internal sealed record KbMissJson(string Question, string Signal, int Count, string? SuggestedQuote, string? PhraseOf);

/// <summary>
/// A <see cref="ModerationReply"/> as JSON, plus what a form needs that the text reply only
/// describes: the entry's fields, the revisions, the list, the misses, and which form field each
/// rule message belongs to.
/// </summary>
internal sealed record KbReplyJson(
    string Outcome,
    string Text,
    string? EntryId,
    int? Revision,
    IReadOnlyList<KbCitationJson> Citations,
    IReadOnlyList<string> Commands)
{
    public KbEntryJson? Entry { get; init; }

    public IReadOnlyList<KbRevisionJson>? History { get; init; }

    public IReadOnlyList<KbListItemJson>? Entries { get; init; }

    public IReadOnlyList<KbMissJson>? Misses { get; init; }

    /// <summary>For an invalid form: the rule messages by field (title, text, cites, phrasings, id, other).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Fields { get; init; }

    /// <summary>For an import: the dry run found changes, so the same YAML may be applied.</summary>
    public bool? CanApply { get; init; }

    public static KbReplyJson From(ModerationReply reply, Essay essay) => new(
        OutcomeName(reply.Outcome),
        reply.Text,
        reply.EntryId,
        reply.Revision,
        [.. reply.Citations.Select(c => new KbCitationJson(c.PassageId, c.Section, c.Quote, essay.Find(c.PassageId)?.Text))],
        reply.Commands)
    {
        Fields = reply.Outcome == ModerationOutcome.Invalid ? KbFieldErrors.From(reply) : null,
    };

    public static string OutcomeName(ModerationOutcome outcome) => outcome.ToString().ToLowerInvariant();

    public static KbEntryJson EntryOf(Core.Knowledge.Entry entry, int revision) => new(
        entry.Id,
        entry.Kind.ToString().ToLowerInvariant(),
        entry.Title,
        entry.Text,
        [.. entry.Citations.Select(c => c.Quote)],
        entry.Phrasings,
        revision);
}

/// <summary>
/// The rule messages of an Invalid reply by the form field they are about, so the page can show
/// "quote not found; closest passage …" beside the quotes and not in a banner far away. A refusal
/// that is about no field (an import, a scope that cannot change) is under "other".
/// </summary>
internal static class KbFieldErrors
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> From(ModerationReply reply) =>
        reply.Problems.Count > 0
            ? reply.Problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(p => p.Message)], StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["other"] = [reply.Text] };
}

/// <summary>The misses of <c>kb misses</c> as the page lists them.</summary>
internal static class KbMisses
{
    public static IReadOnlyList<KbMissJson> From(ModerationReply reply) =>
        [.. reply.Misses.Select(m => new KbMissJson(m.Question, m.Signal == QuestionSignal.Miss ? "missed" : "not helpful", m.Count, m.SuggestedQuote, m.PhraseOf))];
}
