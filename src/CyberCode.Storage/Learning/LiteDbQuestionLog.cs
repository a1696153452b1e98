using System.Globalization;
using CyberCode.Core.Learning;
using CyberCode.Core.Moderation;
using CyberCode.Storage.Database;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CyberCode.Storage.Learning;

/// <summary>
/// <see cref="IQuestionLog"/> in the <c>questions</c> collection: one document per signal,
/// entry and normalised question, counted up in place.
/// </summary>
/// <remarks>
/// Events are counted in memory and written once a second (and before every read, and when the
/// log is disposed at shutdown), each question once with all its new events, in one transaction.
/// Writing every event as it came cost about 0.1 ms of CPU each (read, count, write, index, log
/// pages): a busy service spent more time logging its misses than answering. A crash loses at
/// most the last second of tallies, which the bot already accepts for a failed write.
/// </remarks>
internal sealed partial class LiteDbQuestionLog : IQuestionLog, IDisposable
{
    private const string Collection = "questions";

    /// <summary>How many places a tally remembers (most recent first).</summary>
    private const int MaxChannels = 5;

    private static readonly TimeSpan FlushEvery = TimeSpan.FromSeconds(1);

    private readonly CyberCodeDatabase _database;
    private readonly ILiteCollection<QuestionTallyDocument> _tallies;
    private readonly ILogger _logger;
    private readonly ITimer _timer;

    // _pendingGate guards _pending; _writeGate makes flushes one at a time, so a tally is never
    // read, counted and written by two flushes at once.
    private readonly Lock _pendingGate = new();
    private readonly Lock _writeGate = new();
    private Dictionary<string, PendingTally> _pending = new(StringComparer.Ordinal);
    private int _disposed;

    public LiteDbQuestionLog(CyberCodeDatabase database, TimeProvider? time = null, ILogger<LiteDbQuestionLog>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _logger = logger ?? NullLogger<LiteDbQuestionLog>.Instance;
        _tallies = database.Db.GetCollection<QuestionTallyDocument>(Collection);
        _tallies.EnsureIndex(d => d.Count);
        _timer = (time ?? TimeProvider.System).CreateTimer(_ => FlushQuietly(), null, FlushEvery, FlushEvery);
    }

    public Task RecordAsync(QuestionEvent questionEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questionEvent);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (Volatile.Read(ref _disposed) != 0 || _database.IsDisposed)
        {
            return Task.FromException(new ObjectDisposedException(nameof(LiteDbQuestionLog)));
        }

        var key = QuestionKey.From(questionEvent.Question);
        if (key.Length == 0)
        {
            return Task.CompletedTask;
        }

        var id = string.Join('|', questionEvent.Signal.ToString(), questionEvent.EntryId ?? string.Empty, key);
        lock (_pendingGate)
        {
            if (!_pending.TryGetValue(id, out var tally))
            {
                _pending[id] = tally = new PendingTally(key, questionEvent);
            }

            tally.Add(questionEvent);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QuestionTally>> TopAsync(int limit, QuestionSignal? signal, CancellationToken cancellationToken) =>
        Top(limit, signal, ToTally, cancellationToken);

    public Task<IReadOnlyList<QuestionTally>> TopInScopeAsync(string scope, int limit, QuestionSignal? signal, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        return Top(limit, signal, d => InScope(d, scope), cancellationToken);
    }

    /// <summary>The tallies <paramref name="view"/> keeps (null: not counted there), most frequent first.</summary>
    private Task<IReadOnlyList<QuestionTally>> Top(int limit, QuestionSignal? signal, Func<QuestionTallyDocument, QuestionTally?> view, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<QuestionTally>>(cancellationToken);
        }

        try
        {
            Flush();
            var wanted = signal?.ToString();
            IReadOnlyList<QuestionTally> top = [.. _tallies.FindAll()
                .Where(d => wanted is null || d.Signal == wanted)
                .Select(view)
                .OfType<QuestionTally>()
                .OrderByDescending(t => t.Count)
                .ThenByDescending(t => t.LastAsked)
                .ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(limit)];
            return Task.FromResult(top);
        }
        catch (Exception ex)
        {
            return Task.FromException<IReadOnlyList<QuestionTally>>(ex);
        }
    }

    /// <summary>
    /// The scope's part of a tally. A tally from before scopes were counted has only its last few
    /// places: it counts (whole) for a scope named among them, as <c>kb misses</c> did then.
    /// </summary>
    private static QuestionTally? InScope(QuestionTallyDocument d, string scope)
    {
        if (d.Scopes.Count == 0)
        {
            return d.Channels.Any(place => LegacyScope(place) == scope) ? ToTally(d) : null;
        }

        return d.Scopes.FirstOrDefault(s => s.Scope == scope) is { } mine
            ? ToTally(d) with
            {
                Example = mine.Example,
                Count = mine.Count,
                FirstAsked = Utc(mine.FirstAsked),
                LastAsked = Utc(mine.LastAsked),
                Channels = mine.Channels,
            }
            : null;
    }

    /// <summary>Places were written <c>channel</c> or <c>channel/scope</c>.</summary>
    private static string LegacyScope(string place)
    {
        var slash = place.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? Scopes.Of(place, null) : place[(slash + 1)..];
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    /// <summary>Writes what is counted so far; the container disposes this before the database.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _timer.Dispose();
        FlushQuietly();
    }

    private void Flush()
    {
        lock (_writeGate)
        {
            _database.ThrowIfDisposed();
            Dictionary<string, PendingTally> batch;
            lock (_pendingGate)
            {
                if (_pending.Count == 0)
                {
                    return;
                }

                batch = _pending;
                _pending = new Dictionary<string, PendingTally>(StringComparer.Ordinal);
            }

            var db = _database.Db;
            db.BeginTrans();
            try
            {
                foreach (var (id, tally) in batch)
                {
                    var doc = _tallies.FindById(id) ?? tally.NewDocument(id);
                    tally.ApplyTo(doc);
                    _tallies.Upsert(doc);
                }

                db.Commit();
            }
            catch
            {
                db.Rollback();
                throw;
            }
        }
    }

    private void FlushQuietly()
    {
        try
        {
            Flush();
        }
        catch (Exception ex)
        {
            // On a timer or at shutdown there is no caller to tell; these tallies are lost.
            LogFlushFailed(ex);
        }
    }

    private static QuestionTally ToTally(QuestionTallyDocument d) => new(
        d.Key,
        d.Example,
        Enum.Parse<QuestionSignal>(d.Signal, ignoreCase: false),
        d.Count,
        Utc(d.FirstAsked),
        Utc(d.LastAsked),
        d.Channels,
        d.EntryId);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Could not write the counted questions to the database; those tallies are lost")]
    private partial void LogFlushFailed(Exception exception);

    /// <summary>The events of one tally not yet written, already counted together.</summary>
    private sealed class PendingTally(string key, QuestionEvent first)
    {
        private readonly List<string> _places = [];
        private readonly Dictionary<string, ScopeTallyDocument> _scopes = new(StringComparer.Ordinal);
        private int _count;
        private string _example = string.Empty;
        private string _answerKind = string.Empty;
        private DateTime _first = first.At.UtcDateTime;
        private DateTime _last = first.At.UtcDateTime;

        public void Add(QuestionEvent e)
        {
            var at = e.At.UtcDateTime;
            _count++;
            _example = e.Question.Trim();
            _answerKind = e.AnswerKind;
            _first = at < _first ? at : _first;
            _last = at > _last ? at : _last;
            var place = string.IsNullOrEmpty(e.ScopeId) ? e.Channel : e.Channel + "/" + e.ScopeId;
            _places.Remove(place);
            _places.Add(place);

            // The scope's own tally: counted like the whole one; channels oldest first until applied.
            if (!_scopes.TryGetValue(e.Scope, out var scope))
            {
                _scopes[e.Scope] = scope = new ScopeTallyDocument { Scope = e.Scope, FirstAsked = at, LastAsked = at };
            }

            scope.Count++;
            scope.Example = _example;
            scope.FirstAsked = at < scope.FirstAsked ? at : scope.FirstAsked;
            scope.LastAsked = at > scope.LastAsked ? at : scope.LastAsked;
            scope.Channels.Remove(e.Channel);
            scope.Channels.Add(e.Channel);
        }

        public QuestionTallyDocument NewDocument(string id) => new()
        {
            Id = id,
            Key = key,
            Signal = first.Signal.ToString(),
            EntryId = first.EntryId,
            FirstAsked = _first,
            LastAsked = _last,
        };

        public void ApplyTo(QuestionTallyDocument doc)
        {
            doc.Count += _count;
            doc.Example = _example;
            doc.AnswerKind = _answerKind;
            doc.FirstAsked = _first < doc.FirstAsked ? _first : doc.FirstAsked;
            doc.LastAsked = _last > doc.LastAsked ? _last : doc.LastAsked;

            // _places runs oldest to newest; the document keeps the newest first.
            foreach (var place in _places)
            {
                doc.Channels.Remove(place);
                doc.Channels.Insert(0, place);
            }

            if (doc.Channels.Count > MaxChannels)
            {
                doc.Channels.RemoveRange(MaxChannels, doc.Channels.Count - MaxChannels);
            }

            foreach (var pending in _scopes.Values)
            {
                var stored = doc.Scopes.FirstOrDefault(s => s.Scope == pending.Scope);
                if (stored is null)
                {
                    doc.Scopes.Add(stored = new ScopeTallyDocument { Scope = pending.Scope, FirstAsked = pending.FirstAsked, LastAsked = pending.LastAsked });
                }

                stored.Count += pending.Count;
                stored.Example = pending.Example;
                stored.FirstAsked = pending.FirstAsked < stored.FirstAsked ? pending.FirstAsked : stored.FirstAsked;
                stored.LastAsked = pending.LastAsked > stored.LastAsked ? pending.LastAsked : stored.LastAsked;
                foreach (var channel in pending.Channels)
                {
                    stored.Channels.Remove(channel);
                    stored.Channels.Insert(0, channel);
                }
            }
        }
    }
}
