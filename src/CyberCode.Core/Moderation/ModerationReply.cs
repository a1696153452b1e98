using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Moderation;

/// <summary>How a moderation command ended, for channels that show it differently (a colour, an icon).</summary>
public enum ModerationOutcome
{
    /// <summary>A change was stored and takes effect on the next question.</summary>
    Done,

    /// <summary>Something was read: an entry, a history, a list, the misses, a dry run.</summary>
    Shown,

    /// <summary>The sender is not a moderator here.</summary>
    NotAllowed,

    /// <summary>The command or the entry breaks a rule; <see cref="ModerationReply.Text"/> says what to do.</summary>
    Invalid,

    /// <summary>No such entry in this scope.</summary>
    NotFound,

    /// <summary>The entry changed since the revision the edit was made from; the current text is shown.</summary>
    Conflict,

    /// <summary>The question is already answered by an entry; editing that one is suggested.</summary>
    Duplicate,
}

/// <summary>A file a command produces (the export), sent as an attachment where the channel allows.</summary>
public sealed record ModerationFile(string Name, string ContentType, string Content);

/// <summary>
/// What a moderation command answers, channel-neutral and plain text: each channel escapes it
/// for its own markup (stored text is people's text) and renders <see cref="Commands"/> as
/// buttons or copyable lines.
/// </summary>
public sealed record ModerationReply(ModerationOutcome Outcome, string Text)
{
    /// <summary>The entry the reply is about, when one.</summary>
    public string? EntryId { get; init; }

    /// <summary>Its revision after the command, when it has one.</summary>
    public int? Revision { get; init; }

    /// <summary>The entry's quotes, resolved in the essay, to show like an answer's.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>Commands that would follow naturally (fix a miss, edit instead of adding), ready to send as they are.</summary>
    public IReadOnlyList<string> Commands { get; init; } = [];

    /// <summary>Set by <c>kb export</c>.</summary>
    public ModerationFile? File { get; init; }

    /// <summary>For <see cref="ModerationOutcome.Invalid"/> entries: each broken rule with the field it is about, for forms.</summary>
    public IReadOnlyList<EntryProblem> Problems { get; init; } = [];

    /// <summary>Set by <c>kb misses</c>: each miss as data, for channels that build their own controls (a form to fill, a button per fix).</summary>
    public IReadOnlyList<MissedQuestion> Misses { get; init; } = [];
}

/// <summary>One line of <c>kb misses</c>.</summary>
/// <param name="Question">As it was last asked here.</param>
/// <param name="Signal">Missed, or answered and marked not helpful.</param>
/// <param name="Count">How often, here.</param>
/// <param name="LastAsked">When, last.</param>
/// <param name="EntryId">For "not helpful": the entry that answered.</param>
/// <param name="SuggestedQuote">Essay text to start an entry from: the closest passage's best sentence, or the closest entry's quote.</param>
/// <param name="PhraseOf">The entry to add the question to as a phrasing: the one that answered it, or the closest.</param>
public sealed record MissedQuestion(string Question, Learning.QuestionSignal Signal, int Count, DateTimeOffset LastAsked, string? EntryId, string? SuggestedQuote, string? PhraseOf);

/// <summary>Who acts, and where: read from <see cref="Incoming"/> at the edge.</summary>
/// <param name="Scope">The scope the change belongs to (<see cref="Scopes.Of"/>).</param>
/// <param name="By">How history names them: <c>channel:user</c>.</param>
public sealed record Moderator(string Scope, string By)
{
    public static Moderator From(Incoming incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var who = string.IsNullOrWhiteSpace(incoming.UserId) ? "anonymous" : incoming.UserId.Trim();
        return new Moderator(Scopes.Of(incoming), $"{incoming.Channel}:{who}");
    }
}
