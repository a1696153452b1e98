namespace CyberCode.Core.Quizzes;

/// <summary>What kind of reply a quiz command got.</summary>
public enum QuizReplyKind
{
    /// <summary>A quiz started; its first question went to the presenter.</summary>
    Started,

    /// <summary>A quiz was stopped; its reveal and scoreboard went to the presenter.</summary>
    Stopped,
    Score,
    Leaderboard,
    Stats,
    Topics,
    Settings,
    Help,

    /// <summary>A typed answer: see <see cref="QuizReply.AnswerResult"/>.</summary>
    Answer,

    /// <summary>The command could not be done (one is running, not allowed, no such topic, …); <see cref="QuizReply.Text"/> says why.</summary>
    Refused,
}

/// <summary>
/// The quiz part of a <see cref="Reply"/>. <see cref="Text"/> is a plain-text rendering (also in
/// <c>Reply.Answer.Text</c>); the other properties let a channel render it richly.
/// </summary>
public sealed record QuizReply(QuizReplyKind Kind, string Text)
{
    /// <summary>Show it to the sender only (Discord ephemeral): refusals, answers, stats, practice.</summary>
    public bool Private { get; init; }

    /// <summary>The quiz it is about, when one.</summary>
    public string? SessionId { get; init; }

    /// <summary>For <see cref="QuizReplyKind.Score"/>: the scores so far.</summary>
    public QuizScoreboardView? Scoreboard { get; init; }

    /// <summary>For <see cref="QuizReplyKind.Leaderboard"/> (the rows) and <see cref="QuizReplyKind.Stats"/> (one row, or none yet).</summary>
    public IReadOnlyList<QuizStanding> Standings { get; init; } = [];

    /// <summary>For <see cref="QuizReplyKind.Topics"/>, and a refused start whose topic had no questions.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>For <see cref="QuizReplyKind.Answer"/>.</summary>
    public QuizAnswerResult? AnswerResult { get; init; }
}

/// <summary>What became of an answer.</summary>
public enum QuizAnswerStatus
{
    /// <summary>Stored; it counts. The reveal follows when time is up or everyone has answered.</summary>
    Accepted,
    AlreadyAnswered,

    /// <summary>That question was revealed, or its time is up.</summary>
    TooLate,

    /// <summary>The quiz has ended (a button from an old quiz).</summary>
    Ended,

    /// <summary>No quiz with that id here (a forged or foreign button, or no quiz running for a typed number).</summary>
    NoSuchQuiz,

    /// <summary>Someone else's practice round or solo quiz.</summary>
    NotYours,

    /// <summary>A choice number the question does not have.</summary>
    InvalidChoice,
}

/// <summary>The result of an answer, with a friendly message for the person alone.</summary>
public sealed record QuizAnswerResult(QuizAnswerStatus Status, string Message);

/// <summary>A button press (or a typed number) from a channel.</summary>
/// <param name="Channel">The channel it came from; it must be the quiz's.</param>
/// <param name="SessionId">From the button.</param>
/// <param name="Question">1-based question number, from the button.</param>
/// <param name="Choice">1-based choice, from the button.</param>
/// <param name="Player">Who pressed it.</param>
public sealed record QuizClick(string Channel, string SessionId, int Question, int Choice, QuizPlayer Player);
