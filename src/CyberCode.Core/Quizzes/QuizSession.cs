namespace CyberCode.Core.Quizzes;

/// <summary>
/// Where a quiz runs: one channel kind, server/team and conversation. One quiz at a time per place.
/// </summary>
/// <param name="Channel"><c>cli</c>, <c>web</c>, <c>discord</c>, <c>teams</c>.</param>
/// <param name="ScopeId">The server (guild) or team/tenant; null in the CLI and the web chat.</param>
/// <param name="ConversationId">The Discord channel, Teams conversation, web chat session…</param>
public sealed record QuizPlace(string Channel, string? ScopeId, string ConversationId)
{
    /// <summary>Identifies the place in storage.</summary>
    public string Key => $"{Channel}|{ScopeId}|{ConversationId}";

    /// <summary>Identifies the server or team whose leaderboard and settings the place shares.</summary>
    public string ScopeKey => $"{Channel}|{ScopeId}";
}

/// <summary>A person taking part, in the channel's own ids, with the name to show.</summary>
public sealed record QuizPlayer(string Id, string Name);

/// <summary>How a quiz is played.</summary>
public enum QuizMode
{
    /// <summary>A channel where several people may answer (Discord channel, Teams conversation).</summary>
    Group,

    /// <summary>A conversation of one person with the bot (CLI, web chat, a DM): the reveal comes as soon as they answer.</summary>
    Solo,

    /// <summary><c>quiz practice</c>: private, solo, brings back missed items, not on the leaderboard.</summary>
    Practice,
}

/// <summary>Why a quiz ended.</summary>
public enum QuizEnd
{
    Completed,
    Stopped,
    Abandoned,

    /// <summary>Closed after a restart because its question had run out long before.</summary>
    Expired,
}

/// <summary>
/// One quiz as stored: what is asked, where, and how far it got. Answers are stored apart (one
/// each, unique per session, question and player), so the session is written only when a question
/// opens, is revealed, or the quiz ends.
/// </summary>
/// <param name="Id">Short id (8 characters) that buttons carry.</param>
/// <param name="ItemIds">The <see cref="QuizItem.Id"/>s asked, in order; none twice.</param>
/// <param name="AnswerSeconds">Time to answer each question.</param>
public sealed record QuizSession(
    string Id,
    QuizPlace Place,
    QuizPlayer Starter,
    IReadOnlyList<string> ItemIds,
    string? Topic,
    QuizMode Mode,
    int AnswerSeconds,
    DateTimeOffset StartedAt)
{
    /// <summary>The channel's opaque address for posting into the conversation later (<see cref="Incoming.ReplyTo"/>).</summary>
    public string? ReplyTo { get; init; }

    /// <summary>The 1-based number of the current (or last) question; 0 before the first is posted.</summary>
    public int Question { get; init; }

    /// <summary>When the current question was posted.</summary>
    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>When the current question's time is up.</summary>
    public DateTimeOffset Deadline { get; init; }

    /// <summary>Whether the current question has been revealed (no more answers).</summary>
    public bool Revealed { get; init; }

    /// <summary>Per question, the channel's reference to the message that showed it, so the reveal can edit it.</summary>
    public IReadOnlyList<string?> Messages { get; init; } = [];

    /// <summary>Questions in a row, up to the current one, that nobody answered.</summary>
    public int Unanswered { get; init; }

    /// <summary>Null while the quiz runs.</summary>
    public QuizEnd? End { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public bool IsRunning => End is null;

    public int Count => ItemIds.Count;

    /// <summary>The current item's id, or null before the first question.</summary>
    public string? CurrentItemId => Question >= 1 && Question <= ItemIds.Count ? ItemIds[Question - 1] : null;

    public string? MessageFor(int question) => question >= 1 && question <= Messages.Count ? Messages[question - 1] : null;
}

/// <summary>One accepted answer, stored before it is acknowledged.</summary>
/// <param name="Question">1-based question number in the session.</param>
/// <param name="Choice">1-based choice.</param>
/// <param name="Points">Points won: 0 when wrong.</param>
public sealed record QuizAnswer(
    string SessionId,
    int Question,
    string ItemId,
    QuizPlayer Player,
    int Choice,
    bool Correct,
    int Points,
    DateTimeOffset At,
    string Channel);

/// <summary>What one player did in one finished quiz (added to the leaderboard once).</summary>
public sealed record QuizPlayerResult(QuizPlayer Player, int Points, int Answered, int Correct);

/// <summary>One row of a leaderboard: a player's totals on a server or team.</summary>
public sealed record QuizStanding(QuizPlayer Player, int Points, int Quizzes, int Answered, int Correct)
{
    /// <summary>Share of answers that were right, 0..1.</summary>
    public double Accuracy => Answered == 0 ? 0 : (double)Correct / Answered;
}

/// <summary>Per-server settings moderators may change.</summary>
public sealed record QuizSettings(int AnswerSeconds)
{
    public const int MinSeconds = 10;
    public const int MaxSeconds = 300;
}
