namespace CyberCode.Core.Learning;

/// <summary>Why a question is worth a moderator's look.</summary>
public enum QuestionSignal
{
    /// <summary>The bot declined or could only offer "did you mean".</summary>
    Miss,

    /// <summary>Someone said the answer did not help.</summary>
    NotHelpful,

    /// <summary>Someone said the answer helped (kept so a moderator can weigh the complaints).</summary>
    Helpful,
}

/// <summary>One miss or one piece of feedback, as it happened.</summary>
/// <param name="Question">What the person asked, as typed.</param>
/// <param name="Signal">A miss, or helpful / not helpful feedback.</param>
/// <param name="Channel">Where: <c>cli</c>, <c>web</c>, <c>discord</c>, <c>teams</c>.</param>
/// <param name="ScopeId">The server or tenant, when any.</param>
/// <param name="EntryId">The entry the answer came from, when it came from one.</param>
/// <param name="AnswerKind">The kind of answer the bot gave (see <c>AnswerKinds</c>).</param>
/// <param name="At">When.</param>
public sealed record QuestionEvent(
    string Question,
    QuestionSignal Signal,
    string Channel,
    string? ScopeId,
    string? EntryId,
    string AnswerKind,
    DateTimeOffset At)
{
    /// <summary>The scope it belongs to (<see cref="Moderation.Scopes.Of(string, string?)"/>): whose moderators see it in <c>kb misses</c>.</summary>
    public string Scope => Moderation.Scopes.Of(Channel, ScopeId);
}

/// <summary>
/// The same question (normalised) with the same signal, counted: what <c>kb misses</c> lists.
/// </summary>
/// <param name="Key">The normalised question the events were counted under.</param>
/// <param name="Example">The most recent wording, as typed.</param>
/// <param name="Signal">Miss, not helpful or helpful.</param>
/// <param name="Count">How many times.</param>
/// <param name="FirstAsked">When it was first seen.</param>
/// <param name="LastAsked">When it was last seen.</param>
/// <param name="Channels">Where it was asked (channel, or channel/scope), most recent first.</param>
/// <param name="EntryId">For feedback: the entry the answer came from, when any.</param>
public sealed record QuestionTally(
    string Key,
    string Example,
    QuestionSignal Signal,
    int Count,
    DateTimeOffset FirstAsked,
    DateTimeOffset LastAsked,
    IReadOnlyList<string> Channels,
    string? EntryId);

/// <summary>
/// Durable record of the questions the bot missed and of answers people judged, so moderators
/// can turn them into entries or alternate phrasings.
/// </summary>
public interface IQuestionLog
{
    /// <summary>Counts one event under its normalised question (and entry, for feedback).</summary>
    Task RecordAsync(QuestionEvent questionEvent, CancellationToken cancellationToken);

    /// <summary>
    /// The most frequent tallies, most frequent first (then most recent); only one signal when
    /// <paramref name="signal"/> is given.
    /// </summary>
    Task<IReadOnlyList<QuestionTally>> TopAsync(int limit, QuestionSignal? signal, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="TopAsync"/>, counting only what was asked in <paramref name="scope"/>: the
    /// counts, dates, wording and places are the scope's own, so one server's moderators neither
    /// see another's questions nor lose their own among a busier server's.
    /// </summary>
    Task<IReadOnlyList<QuestionTally>> TopInScopeAsync(string scope, int limit, QuestionSignal? signal, CancellationToken cancellationToken);
}
