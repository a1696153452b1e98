namespace CyberCode.Core.Answering;

/// <summary>A quote the answer rests on, with the whole passage it comes from.</summary>
public sealed record AnswerCitation(string PassageId, string Section, string Quote, string PassageText, int Start, int Length);

/// <summary>
/// The bot's answer to one question, channel-neutral. <see cref="Answered"/> is false when the
/// bot declines or only offers suggestions.
/// </summary>
public sealed record Answer(
    string Question,
    bool Answered,
    string Kind,
    string Text,
    double Confidence,
    IReadOnlyList<AnswerCitation> Citations,
    IReadOnlyList<string> Suggestions)
{
    /// <summary>A heading for the answer (the term, the question, the event), when there is one.</summary>
    public string? Title { get; init; }

    /// <summary>The curated entry the answer comes from, when it comes from one.</summary>
    public string? EntryId { get; init; }

    /// <summary>What the confidence of a ranked answer was computed from (for measuring it).</summary>
    internal ConfidenceFeatures? Features { get; init; }
}

/// <summary>The values of <see cref="Answer.Kind"/>.</summary>
public static class AnswerKinds
{
    public const string Definition = "definition";
    public const string Question = "answer";
    public const string Event = "event";
    public const string Change = "change";
    public const string Note = "note";
    public const string Passage = "passage";
    public const string Changes = "changes";
    public const string Timeline = "timeline";
    public const string Notes = "notes";
    public const string Section = "section";
    public const string About = "about";
    public const string Source = "source";
    public const string Search = "search";
    public const string Help = "help";
    public const string Suggestions = "suggestions";
    public const string Decline = "decline";
    public const string Refusal = "refusal";

    /// <summary>The reply to a <c>kb</c> command (see <see cref="Reply.Moderation"/>).</summary>
    public const string Moderation = "moderation";
}
