using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using Microsoft.Extensions.Logging;

namespace CyberCode.Storage.Knowledge;

/// <summary>
/// The moderators' side of the store: <c>scoped_entries</c> holds each entry id's current state
/// per scope; every change also appends a revision to <c>revisions</c>, in the same transaction.
/// </summary>
internal sealed partial class LiteDbKnowledgeStore
{
    private const string ScopedCollection = "scoped_entries";

    public Task<IReadOnlyList<ScopedEntry>> GetScopedAsync(string? scope, CancellationToken cancellationToken) =>
        RunSync<IReadOnlyList<ScopedEntry>>(
            () =>
            {
                ObjectDisposedException.ThrowIf(_disposed != 0 || _database.IsDisposed, this);
                var documents = scope is null ? _scoped.FindAll() : _scoped.Find(d => d.Scope == scope);
                return [.. documents
                    .OrderBy(d => d.Scope, StringComparer.Ordinal).ThenBy(d => d.EntryId, StringComparer.Ordinal)
                    .Select(d => d.ToScopedEntry())];
            },
            cancellationToken);

    public Task<IReadOnlyList<EntryRevision>> GetScopedHistoryAsync(string scope, string entryId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentException.ThrowIfNullOrWhiteSpace(entryId);
        return RunSync<IReadOnlyList<EntryRevision>>(
            () =>
            {
                ObjectDisposedException.ThrowIf(_disposed != 0 || _database.IsDisposed, this);
                return [.. _revisions.Find(r => r.EntryId == entryId && r.Scope == scope)
                    .OrderBy(r => r.Revision)
                    .Select(r => r.ToRevision())];
            },
            cancellationToken);
    }

    public Task<ChangeOutcome> ApplyAsync(IReadOnlyList<EntryChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return RunSync(() => Apply(changes, cancellationToken), cancellationToken);
    }

    private ChangeOutcome Apply(IReadOnlyList<EntryChange> changes, CancellationToken ct)
    {
        // Map before the transaction: an entry that cannot be stored is refused before any write.
        var mapped = changes.Select(c =>
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(c.Scope);
            ArgumentException.ThrowIfNullOrWhiteSpace(c.EntryId);
            if (c.Scope == CuratedScope)
            {
                throw new ArgumentException($"The scope '{CuratedScope}' is the curated entries'; moderators' changes need another.", nameof(changes));
            }

            return (Change: c, Document: c.Entry is null ? null : EntryDocument.From(c.Entry, c.Scope));
        }).ToList();

        lock (_seedGate)
        {
            ObjectDisposedException.ThrowIf(_disposed != 0 || _database.IsDisposed, this);
            ct.ThrowIfCancellationRequested();
            if (!_db.BeginTrans())
            {
                throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
            }

            try
            {
                var at = _time.GetUtcNow();
                var states = new List<ScopedEntry>(mapped.Count);
                foreach (var (change, document) in mapped)
                {
                    var id = ScopedEntryDocument.MakeId(change.Scope, change.EntryId);
                    var current = _scoped.FindById(id);
                    if ((current?.Revision ?? 0) != change.BasedOn)
                    {
                        // Nothing of the batch is kept: the moderator decides again on the current text.
                        _db.Rollback();
                        return new ChangeOutcome([], current?.ToScopedEntry());
                    }

                    var next = new ScopedEntryDocument
                    {
                        Id = id,
                        Scope = change.Scope,
                        EntryId = change.EntryId,
                        Entry = document,
                        Removed = change.Removed,
                        Shared = change.Shared,
                        Revision = change.BasedOn + 1,
                        At = at.UtcDateTime,
                        By = change.By,
                    };
                    _scoped.Upsert(next);
                    _revisions.Insert(new RevisionDocument
                    {
                        Id = RevisionDocument.MakeScopedId(change.Scope, change.EntryId, next.Revision),
                        EntryId = change.EntryId,
                        Scope = change.Scope,
                        Revision = next.Revision,
                        At = next.At,
                        By = change.By,
                        Action = change.Action,
                        Entry = document,
                        Removed = change.Removed,
                    });
                    states.Add(next.ToScopedEntry());
                }

                ct.ThrowIfCancellationRequested();
                _db.Commit();
                LogChanged(states.Count, changes[0].Scope);
                return new ChangeOutcome(states, null);
            }
            catch (Exception ex)
            {
                _db.Rollback();
                LogChangeRolledBack(ex);
                throw;
            }
        }
    }

    [LoggerMessage(EventId = 2009, Level = LogLevel.Information, Message = "Stored {Count} moderator change(s) in scope {Scope}")]
    private partial void LogChanged(int count, string scope);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "A moderator change failed and was rolled back; the store is unchanged")]
    private partial void LogChangeRolledBack(Exception exception);
}
