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

    /// <summary>
    /// The same tally per scope (server, tenant, <c>local</c>), for <c>kb misses</c>. Empty in
    /// tallies written before scopes were counted; those are matched by <see cref="Channels"/>.
    /// </summary>
    public List<ScopeTallyDocument> Scopes { get; set; } = [];
}

/// <summary>One scope's part of a <see cref="QuestionTallyDocument"/>.</summary>
internal sealed class ScopeTallyDocument
{
    public string Scope { get; set; } = string.Empty;

    public int Count { get; set; }

    /// <summary>The scope's own most recent wording.</summary>
    public string Example { get; set; } = string.Empty;

    public DateTime FirstAsked { get; set; }

    public DateTime LastAsked { get; set; }

    /// <summary>The channels it was asked in, in this scope, most recent first.</summary>
    public List<string> Channels { get; set; } = [];
}
