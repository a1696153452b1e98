namespace CyberCode.Storage.Learning;

/// <summary>One counted question in the <c>questions</c> collection.</summary>
internal sealed class QuestionTallyDocument
{
    /// <summary>Signal, entry (for feedback) and normalised question, joined.</summary>
    public string Id { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    public string Example { get; set; } = string.Empty;

    public string Signal { get; set; } = string.Empty;

    public int Count { get; set; }

    public DateTime FirstAsked { get; set; }

    public DateTime LastAsked { get; set; }

    public List<string> Channels { get; set; } = [];

    public string? EntryId { get; set; }

    public string AnswerKind { get; set; } = string.Empty;
}
