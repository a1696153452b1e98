namespace CyberCode.Storage.Quizzes;

/// <summary>
/// A quiz in <c>quiz_sessions</c>. The session itself is kept as JSON: it is read and written
/// whole, and its shape (nested place, player, lists) would otherwise need a mapper of its own;
/// the fields queried (place, running, start) sit beside it, indexed.
/// </summary>
internal sealed class QuizSessionDocument
{
    public string Id { get; set; } = string.Empty;
    public string PlaceKey { get; set; } = string.Empty;
    public bool Running { get; set; }
    public DateTime StartedAt { get; set; }
    public string Json { get; set; } = string.Empty;
}

/// <summary>One answer in <c>quiz_answers</c>; its id (session|question|player) makes a second one impossible.</summary>
internal sealed class QuizAnswerDocument
{
    public string Id { get; set; } = string.Empty;
    public string SessionId { get; set; } = string.Empty;
    public int Question { get; set; }
    public string ItemId { get; set; } = string.Empty;
    public string PlayerId { get; set; } = string.Empty;
    public string PlayerName { get; set; } = string.Empty;
    public int Choice { get; set; }
    public bool Correct { get; set; }
    public int Points { get; set; }
    public DateTime At { get; set; }
    public string Channel { get; set; } = string.Empty;
}

/// <summary>A player's totals on a server or team, in <c>quiz_standings</c>.</summary>
internal sealed class QuizStandingDocument
{
    public string Id { get; set; } = string.Empty;
    public string ScopeKey { get; set; } = string.Empty;
    public string PlayerId { get; set; } = string.Empty;
    public string PlayerName { get; set; } = string.Empty;
    public int Points { get; set; }
    public int Quizzes { get; set; }
    public int Answered { get; set; }
    public int Correct { get; set; }
}

/// <summary>An item a player got wrong and not yet right since, in <c>quiz_misses</c>.</summary>
internal sealed class QuizMissDocument
{
    public string Id { get; set; } = string.Empty;
    public string PlayerKey { get; set; } = string.Empty;
    public string ItemId { get; set; } = string.Empty;
    public DateTime At { get; set; }
}

/// <summary>A server's quiz settings, in <c>quiz_settings</c>.</summary>
internal sealed class QuizSettingsDocument
{
    public string Id { get; set; } = string.Empty;
    public int AnswerSeconds { get; set; }
}
