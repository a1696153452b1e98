using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using CyberCode.Core.Quizzes;
using CyberCode.Storage.Database;
using LiteDB;

namespace CyberCode.Storage.Quizzes;

/// <summary>
/// <see cref="IQuizStore"/> on the process's LiteDB file. Every write that must not half-happen
/// (an answer and the player's misses; the end of a quiz and the standings) is one transaction,
/// and an answer's id is session|question|player, so LiteDB itself refuses a second one.
/// </summary>
/// <remarks>
/// Unlike the question log, answers are written as they come, not batched: an answer is
/// acknowledged only once it is on disk, which is what "no score lost" means. A quiz sees a few
/// answers a second at most; each costs well under a millisecond.
/// </remarks>
internal sealed class LiteDbQuizStore : IQuizStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private readonly CyberCodeDatabase _database;
    private readonly ILiteCollection<QuizSessionDocument> _sessions;
    private readonly ILiteCollection<QuizAnswerDocument> _answers;
    private readonly ILiteCollection<QuizStandingDocument> _standings;
    private readonly ILiteCollection<QuizMissDocument> _misses;
    private readonly ILiteCollection<QuizSettingsDocument> _settings;

    public LiteDbQuizStore(CyberCodeDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        var db = database.Db;
        _sessions = db.GetCollection<QuizSessionDocument>("quiz_sessions");
        _sessions.EnsureIndex(d => d.PlaceKey);
        _sessions.EnsureIndex(d => d.Running);
        _answers = db.GetCollection<QuizAnswerDocument>("quiz_answers");
        _answers.EnsureIndex(d => d.SessionId);
        _standings = db.GetCollection<QuizStandingDocument>("quiz_standings");
        _standings.EnsureIndex(d => d.ScopeKey);
        _misses = db.GetCollection<QuizMissDocument>("quiz_misses");
        _misses.EnsureIndex(d => d.PlayerKey);
        _settings = db.GetCollection<QuizSettingsDocument>("quiz_settings");
    }

    public Task SaveSessionAsync(QuizSession session, CancellationToken cancellationToken) => Run(cancellationToken, () =>
    {
        _sessions.Upsert(ToDocument(session));
        return true;
    });

    public Task<QuizSession?> FindSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        Run(cancellationToken, () => _sessions.FindById(sessionId) is { } d ? FromDocument(d) : null);

    public Task<IReadOnlyList<QuizSession>> RunningSessionsAsync(CancellationToken cancellationToken) =>
        Run<IReadOnlyList<QuizSession>>(cancellationToken, () => [.. _sessions.Find(d => d.Running).Select(FromDocument)]);

    public Task<bool> AddAnswerAsync(QuizAnswer answer, CancellationToken cancellationToken) => Run(cancellationToken, () =>
    {
        ArgumentNullException.ThrowIfNull(answer);
        var db = _database.Db;
        db.BeginTrans();
        try
        {
            var id = $"{answer.SessionId}|{answer.Question}|{answer.Player.Id}";
            if (_answers.FindById(id) is not null)
            {
                db.Rollback();
                return false;
            }

            _answers.Insert(new QuizAnswerDocument
            {
                Id = id,
                SessionId = answer.SessionId,
                Question = answer.Question,
                ItemId = answer.ItemId,
                PlayerId = answer.Player.Id,
                PlayerName = answer.Player.Name,
                Choice = answer.Choice,
                Correct = answer.Correct,
                Points = answer.Points,
                At = answer.At.UtcDateTime,
                Channel = answer.Channel,
            });
            var playerKey = answer.Channel + "|" + answer.Player.Id;
            var missId = playerKey + "|" + answer.ItemId;
            if (answer.Correct)
            {
                _misses.Delete(missId);
            }
            else
            {
                _misses.Upsert(new QuizMissDocument { Id = missId, PlayerKey = playerKey, ItemId = answer.ItemId, At = answer.At.UtcDateTime });
            }

            db.Commit();
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // Another thread stored the same answer between the look and the insert.
            db.Rollback();
            return false;
        }
        catch
        {
            db.Rollback();
            throw;
        }
    });

    public Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string sessionId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<QuizAnswer>>(cancellationToken, () => [.. _answers.Find(d => d.SessionId == sessionId)
            .OrderBy(d => d.At).ThenBy(d => d.Question)
            .Select(d => new QuizAnswer(d.SessionId, d.Question, d.ItemId, new QuizPlayer(d.PlayerId, d.PlayerName), d.Choice, d.Correct, d.Points, Utc(d.At), d.Channel))]);

    public Task<bool> FinishAsync(QuizSession finished, IReadOnlyList<QuizPlayerResult> results, bool countInStandings, CancellationToken cancellationToken) => Run(cancellationToken, () =>
    {
        ArgumentNullException.ThrowIfNull(finished);
        ArgumentNullException.ThrowIfNull(results);
        var db = _database.Db;
        db.BeginTrans();
        try
        {
            if (_sessions.FindById(finished.Id) is { Running: false })
            {
                db.Rollback();
                return false;
            }

            _sessions.Upsert(ToDocument(finished));
            if (countInStandings)
            {
                var scope = finished.Place.ScopeKey;
                foreach (var r in results)
                {
                    var id = scope + "|" + r.Player.Id;
                    var doc = _standings.FindById(id) ?? new QuizStandingDocument { Id = id, ScopeKey = scope, PlayerId = r.Player.Id };
                    doc.PlayerName = r.Player.Name;
                    doc.Points += r.Points;
                    doc.Quizzes++;
                    doc.Answered += r.Answered;
                    doc.Correct += r.Correct;
                    _standings.Upsert(doc);
                }
            }

            db.Commit();
            return true;
        }
        catch
        {
            db.Rollback();
            throw;
        }
    });

    public Task<IReadOnlyList<string>> RecentItemsAsync(string placeKey, int limit, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<string>>(cancellationToken, () => limit <= 0 ? [] : [.. _sessions.Find(d => d.PlaceKey == placeKey)
            .OrderByDescending(d => d.StartedAt)
            .Select(FromDocument)
            .SelectMany(s => s.ItemIds)
            .Take(limit)]);

    public Task<IReadOnlyList<QuizStanding>> LeaderboardAsync(string scopeKey, int limit, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<QuizStanding>>(cancellationToken, () => [.. QuizScoring.Rank(_standings.Find(d => d.ScopeKey == scopeKey).Select(ToStanding)).Take(limit)]);

    public Task<QuizStanding?> StandingAsync(string scopeKey, string playerId, CancellationToken cancellationToken) =>
        Run(cancellationToken, () => _standings.FindById(scopeKey + "|" + playerId) is { } d ? ToStanding(d) : null);

    public Task<IReadOnlyList<string>> MissesAsync(string channel, string playerId, CancellationToken cancellationToken) =>
        Run<IReadOnlyList<string>>(cancellationToken, () =>
        {
            var key = channel + "|" + playerId;
            return [.. _misses.Find(d => d.PlayerKey == key).OrderByDescending(d => d.At).Select(d => d.ItemId)];
        });

    public Task<QuizSettings?> SettingsAsync(string scopeKey, CancellationToken cancellationToken) =>
        Run(cancellationToken, () => _settings.FindById(scopeKey) is { } d ? new QuizSettings(d.AnswerSeconds) : null);

    public Task SaveSettingsAsync(string scopeKey, QuizSettings settings, CancellationToken cancellationToken) => Run(cancellationToken, () =>
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings.Upsert(new QuizSettingsDocument { Id = scopeKey, AnswerSeconds = settings.AnswerSeconds });
        return true;
    });

    /// <summary>LiteDB is synchronous; its transactions belong to the calling thread, so each runs here without an await inside.</summary>
    private Task<T> Run<T>(CancellationToken cancellationToken, Func<T> work)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            _database.ThrowIfDisposed();
            return Task.FromResult(work());
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private static QuizSessionDocument ToDocument(QuizSession s) => new()
    {
        Id = s.Id,
        PlaceKey = s.Place.Key,
        Running = s.IsRunning,
        StartedAt = s.StartedAt.UtcDateTime,
        Json = JsonSerializer.Serialize(s, Json),
    };

    private static QuizSession FromDocument(QuizSessionDocument d) =>
        JsonSerializer.Deserialize<QuizSession>(d.Json, Json) ?? throw new InvalidDataException($"Quiz session {d.Id} is empty.");

    private static QuizStanding ToStanding(QuizStandingDocument d) =>
        new(new QuizPlayer(d.PlayerId, d.PlayerName), d.Points, d.Quizzes, d.Answered, d.Correct);

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
