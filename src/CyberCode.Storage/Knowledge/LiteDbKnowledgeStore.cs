using CyberCode.Core.Knowledge;
using CyberCode.Storage.Database;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace CyberCode.Storage.Knowledge;

/// <summary>
/// <see cref="IKnowledgeStore"/> over the process's LiteDB file. The
/// <c>entries</c> collection holds the current state, one document per entry id with its scope
/// and content hash; <c>revisions</c> is append-only and keeps every version of every entry.
/// </summary>
internal sealed partial class LiteDbKnowledgeStore : IKnowledgeStore, IDisposable
{
    /// <summary>The scope of the entries seeded from <c>knowledge/</c>.</summary>
    public const string CuratedScope = "curated";

    private const string EntriesCollection = "entries";
    private const string RevisionsCollection = "revisions";

    private readonly CyberCodeDatabase _database;
    private readonly LiteDatabase _db;
    private readonly ILiteCollection<EntryDocument> _entries;
    private readonly ILiteCollection<RevisionDocument> _revisions;
    private readonly ILiteCollection<ScopedEntryDocument> _scoped;
    private readonly TimeProvider _time;
    private readonly ILogger<LiteDbKnowledgeStore> _logger;

    // Seeding reads, diffs and writes; two runs at once would diff against the same state.
    private readonly Lock _seedGate = new();
    private int _disposed;

    private readonly bool _ownsDatabase;

    /// <param name="ownsDatabase">Close the database with this store (for a store used on its own, as in tests).</param>
    public LiteDbKnowledgeStore(CyberCodeDatabase database, TimeProvider timeProvider, ILogger<LiteDbKnowledgeStore> logger, bool ownsDatabase = false)
    {
        _ownsDatabase = ownsDatabase;
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _time = timeProvider;
        _logger = logger;

        _database = database;
        _db = database.Db;
        _entries = _db.GetCollection<EntryDocument>(EntriesCollection);
        _revisions = _db.GetCollection<RevisionDocument>(RevisionsCollection);
        _scoped = _db.GetCollection<ScopedEntryDocument>(ScopedCollection);
        _entries.EnsureIndex(d => d.Scope);
        _revisions.EnsureIndex(d => d.EntryId);
        _scoped.EnsureIndex(d => d.Scope);
    }

    public Task<SeedReport> SeedCuratedAsync(IReadOnlyList<Entry> curated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(curated);
        return RunSync(() => Seed(curated, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<Entry>> GetCuratedAsync(CancellationToken cancellationToken) =>
        RunSync<IReadOnlyList<Entry>>(
            () =>
            {
                ObjectDisposedException.ThrowIf(_disposed != 0 || _database.IsDisposed, this);
                return [.. _entries.Find(d => d.Scope == CuratedScope)
                    .OrderBy(d => d.Id, StringComparer.Ordinal)
                    .Select(d => d.ToEntry())];
            },
            cancellationToken);

    public Task<IReadOnlyList<EntryRevision>> GetHistoryAsync(string entryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entryId);
        return RunSync<IReadOnlyList<EntryRevision>>(
            () =>
            {
                ObjectDisposedException.ThrowIf(_disposed != 0 || _database.IsDisposed, this);
                return [.. _revisions.Find(r => r.EntryId == entryId && r.Scope == CuratedScope)
                    .OrderBy(r => r.Revision)
                    .Select(r => r.ToRevision())];
            },
            cancellationToken);
    }

    /// <summary>Refuses further work; the database itself is closed by its owner, after this store.</summary>
    public void Dispose()
    {
        // Wait for a seeding run in progress, so the file is never closed under an open transaction.
        lock (_seedGate)
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsDatabase)
            {
                _database.Dispose();
            }
        }
    }

    private SeedReport Seed(IReadOnlyList<Entry> curated, CancellationToken ct)
    {
        // Map and hash everything before the transaction: a bad entry is refused before any write.
        var incoming = new List<EntryDocument>(curated.Count);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in curated)
        {
            var doc = EntryDocument.From(entry, CuratedScope);
            if (!ids.Add(doc.Id))
            {
                throw new ArgumentException($"The entry id '{doc.Id}' occurs more than once.", nameof(curated));
            }

            incoming.Add(doc);
        }

        lock (_seedGate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0 || _database.IsDisposed, this);
            ct.ThrowIfCancellationRequested();

            // LiteDB binds a transaction to the calling thread, so nothing here may await. The
            // writes are a small diff done in milliseconds, so cancellation is honoured before
            // they start and again just before the commit, where it rolls them all back.
            if (!_db.BeginTrans())
            {
                throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
            }

            SeedReport report;
            try
            {
                report = Apply(incoming, ids, _time.GetUtcNow());
                ct.ThrowIfCancellationRequested();
                _db.Commit();
            }
            catch (Exception ex)
            {
                _db.Rollback();
                LogSeedRolledBack(ex);
                throw;
            }

            // Quiet when the files did not change (every start of the bot seeds); when they did,
            // say what changed, naming the entries when there are few enough to read.
            if (!report.ChangedAnything)
            {
                LogSeedUnchanged(report.Unchanged);
            }
            else
            {
                LogSeeded(report.Added.Count, report.Updated.Count, report.Removed.Count, report.Unchanged);
                if (report.Added.Count + report.Updated.Count + report.Removed.Count <= MaxIdsLoggedAtInformation)
                {
                    LogSeededIdsInformation(report.Added, report.Updated, report.Removed);
                }
                else
                {
                    LogSeededIds(report.Added, report.Updated, report.Removed);
                }
            }

            return report;
        }
    }

    private SeedReport Apply(List<EntryDocument> incoming, HashSet<string> incomingIds, DateTimeOffset at)
    {
        var stored = _entries.Find(d => d.Scope == CuratedScope).ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
        List<string> added = [], updated = [], removed = [];
        var unchanged = 0;

        foreach (var doc in incoming)
        {
            if (!stored.TryGetValue(doc.Id, out var old))
            {
                if (_entries.FindById(doc.Id) is { } other)
                {
                    throw new InvalidOperationException(
                        $"The curated entry id '{doc.Id}' is already used by an entry of scope '{other.Scope}'.");
                }

                _entries.Insert(doc);
                AddRevision(doc.Id, RevisionActions.Added, doc.Source, doc, at);
                added.Add(doc.Id);
            }
            else if (!string.Equals(old.Hash, doc.Hash, StringComparison.Ordinal))
            {
                _entries.Update(doc);
                AddRevision(doc.Id, RevisionActions.Updated, doc.Source, doc, at);
                updated.Add(doc.Id);
            }
            else
            {
                unchanged++;
            }
        }

        foreach (var old in stored.Values.Where(d => !incomingIds.Contains(d.Id)).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            _entries.Delete(old.Id);
            AddRevision(old.Id, RevisionActions.Removed, old.Source, null, at);
            removed.Add(old.Id);
        }

        return new SeedReport(added, updated, removed, unchanged);
    }

    private void AddRevision(string entryId, string action, string sourceFile, EntryDocument? snapshot, DateTimeOffset at)
    {
        // Revisions are numbered 1..n without gaps and never deleted, so the count gives the next number.
        var revision = _revisions.Count(r => r.EntryId == entryId && r.Scope == CuratedScope) + 1;
        _revisions.Insert(new RevisionDocument
        {
            Id = RevisionDocument.MakeId(entryId, revision),
            EntryId = entryId,
            Scope = CuratedScope,
            Revision = revision,
            At = at.UtcDateTime,
            By = "knowledge/" + sourceFile,
            Action = action,
            Entry = snapshot,
        });
    }

    /// <summary>
    /// LiteDB has no asynchronous API and binds transactions to a thread, so the work runs
    /// synchronously on the caller's thread and its outcome is handed back as a task.
    /// </summary>
    private static Task<T> RunSync<T>(Func<T> work, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(ct);
        }

        try
        {
            return Task.FromResult(work());
        }
        catch (OperationCanceledException ex) when (ex.CancellationToken == ct)
        {
            return Task.FromCanceled<T>(ct);
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    private const int MaxIdsLoggedAtInformation = 20;

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information,
        Message = "Seeded curated entries: {Added} added, {Updated} updated, {Removed} removed, {Unchanged} unchanged")]
    private partial void LogSeeded(int added, int updated, int removed, int unchanged);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Curated entries added: [{Added}]; updated: [{Updated}]; removed: [{Removed}]")]
    private partial void LogSeededIds(IReadOnlyList<string> added, IReadOnlyList<string> updated, IReadOnlyList<string> removed);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Curated entries added: [{Added}]; updated: [{Updated}]; removed: [{Removed}]")]
    private partial void LogSeededIdsInformation(IReadOnlyList<string> added, IReadOnlyList<string> updated, IReadOnlyList<string> removed);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Debug, Message = "Curated entries unchanged ({Unchanged})")]
    private partial void LogSeedUnchanged(int unchanged);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Seeding curated entries failed and was rolled back; the store is unchanged")]
    private partial void LogSeedRolledBack(Exception exception);
}
