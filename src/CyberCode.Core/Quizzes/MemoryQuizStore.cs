namespace CyberCode.Core.Quizzes;

/// <summary>
/// <see cref="IQuizStore"/> in memory, for tests and measurements: the same rules as the LiteDB
/// store (one answer per player and question, an ended quiz counted once), kept under one lock.
/// A test that builds a second <see cref="QuizService"/> over the same instance sees a restart.
/// </summary>
internal sealed class MemoryQuizStore : IQuizStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, QuizSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuizAnswer> _answers = new(StringComparer.Ordinal);
    private readonly List<QuizAnswer> _answerOrder = [];
    private readonly Dictionary<string, QuizStanding> _standings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _misses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QuizSettings> _settings = new(StringComparer.Ordinal);

    public Task SaveSessionAsync(QuizSession session, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _sessions[session.Id] = session;
        }

        return Task.CompletedTask;
    }

    public Task<QuizSession?> FindSessionAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_sessions.GetValueOrDefault(sessionId));
        }
    }

    public Task<IReadOnlyList<QuizSession>> RunningSessionsAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<QuizSession>>([.. _sessions.Values.Where(s => s.IsRunning)]);
        }
    }

    public Task<bool> AddAnswerAsync(QuizAnswer answer, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_answers.TryAdd($"{answer.SessionId}|{answer.Question}|{answer.Player.Id}", answer))
            {
                return Task.FromResult(false);
            }

            _answerOrder.Add(answer);
            var key = answer.Channel + "|" + answer.Player.Id;
            if (!_misses.TryGetValue(key, out var misses))
            {
                _misses[key] = misses = [];
            }

            misses.Remove(answer.ItemId);
            if (!answer.Correct)
            {
                misses.Insert(0, answer.ItemId);
            }

            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<QuizAnswer>> AnswersAsync(string sessionId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<QuizAnswer>>([.. _answerOrder.Where(a => a.SessionId == sessionId)]);
        }
    }

    public Task<bool> FinishAsync(QuizSession finished, IReadOnlyList<QuizPlayerResult> results, bool countInStandings, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_sessions.TryGetValue(finished.Id, out var stored) && !stored.IsRunning)
            {
                return Task.FromResult(false);
            }

            _sessions[finished.Id] = finished;
            if (countInStandings)
            {
                foreach (var r in results)
                {
                    var key = finished.Place.ScopeKey + "|" + r.Player.Id;
                    var s = _standings.GetValueOrDefault(key) ?? new QuizStanding(r.Player, 0, 0, 0, 0);
                    _standings[key] = new QuizStanding(r.Player, s.Points + r.Points, s.Quizzes + 1, s.Answered + r.Answered, s.Correct + r.Correct);
                }
            }

            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<string>> RecentItemsAsync(string placeKey, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _sessions.Values
                .Where(s => s.Place.Key == placeKey)
                .OrderByDescending(s => s.StartedAt)
                .SelectMany(s => s.ItemIds)
                .Take(limit)]);
        }
    }

    public Task<IReadOnlyList<QuizStanding>> LeaderboardAsync(string scopeKey, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<QuizStanding>>([.. QuizScoring.Rank(_standings
                .Where(kv => kv.Key.StartsWith(scopeKey + "|", StringComparison.Ordinal))
                .Select(kv => kv.Value)).Take(limit)]);
        }
    }

    public Task<QuizStanding?> StandingAsync(string scopeKey, string playerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_standings.GetValueOrDefault(scopeKey + "|" + playerId));
        }
    }

    public Task<IReadOnlyList<string>> MissesAsync(string channel, string playerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _misses.GetValueOrDefault(channel + "|" + playerId) ?? []]);
        }
    }

    public Task<QuizSettings?> SettingsAsync(string scopeKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_settings.GetValueOrDefault(scopeKey));
        }
    }

    public Task SaveSettingsAsync(string scopeKey, QuizSettings settings, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _settings[scopeKey] = settings;
        }

        return Task.CompletedTask;
    }
}
