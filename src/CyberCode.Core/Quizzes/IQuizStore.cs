namespace CyberCode.Core.Quizzes;

/// <summary>
/// Where quizzes are kept, so a restart resumes or closes them and no score is lost or counted
/// twice. The Storage project implements it on LiteDB.
/// </summary>
public interface IQuizStore
{
    /// <summary>Writes the session (insert or replace).</summary>
    Task SaveSessionAsync(QuizSession session, CancellationToken cancellationToken);

    Task<QuizSession?> FindSessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Every quiz not yet ended, for the resume at start-up.</summary>
    Task<IReadOnlyList<QuizSession>> RunningSessionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores an answer, and in the same write adds the item to the player's misses (wrong) or
    /// takes it off them (right). False, and nothing stored, when the player already answered
    /// this question of this session: a replay or a race never counts twice.
    /// </summary>
    Task<bool> AddAnswerAsync(QuizAnswer answer, CancellationToken cancellationToken);

    /// <summary>Every answer of a session, in the order they were given.</summary>
    Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the session ended and, when <paramref name="countInStandings"/>, adds the results to
    /// the standings of its server or team, in one write. False, and nothing changed, when the
    /// stored session had already ended.
    /// </summary>
    Task<bool> FinishAsync(QuizSession finished, IReadOnlyList<QuizPlayerResult> results, bool countInStandings, CancellationToken cancellationToken);

    /// <summary>The items of the latest quizzes in a place, newest quiz first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> RecentItemsAsync(string placeKey, int limit, CancellationToken cancellationToken);

    /// <summary>The best players of a server or team: points, then accuracy.</summary>
    Task<IReadOnlyList<QuizStanding>> LeaderboardAsync(string scopeKey, int limit, CancellationToken cancellationToken);

    Task<QuizStanding?> StandingAsync(string scopeKey, string playerId, CancellationToken cancellationToken);

    /// <summary>The items a player got wrong and has not got right since, most recent first.</summary>
    Task<IReadOnlyList<string>> MissesAsync(string channel, string playerId, CancellationToken cancellationToken);

    Task<QuizSettings?> SettingsAsync(string scopeKey, CancellationToken cancellationToken);

    Task SaveSettingsAsync(string scopeKey, QuizSettings settings, CancellationToken cancellationToken);
}
