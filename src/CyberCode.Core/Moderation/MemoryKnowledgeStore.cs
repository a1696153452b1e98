using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Moderation;

/// <summary>
/// <see cref="IKnowledgeStore"/> in memory, for tests and measurements: the same rules as the
/// LiteDB store (revisions numbered without gaps, a change based on an old revision refused, a
/// batch applied all or nothing), kept under one lock.
/// </summary>
internal sealed class MemoryKnowledgeStore(TimeProvider time) : IKnowledgeStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _curated = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Scope, string Id), ScopedEntry> _scoped = [];
    private readonly Dictionary<(string Scope, string Id), List<EntryRevision>> _history = [];

    public Task<SeedReport> SeedCuratedAsync(IReadOnlyList<Entry> curated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(curated);
        lock (_gate)
        {
            var added = curated.Where(e => !_curated.ContainsKey(e.Id)).Select(e => e.Id).ToList();
            _curated.Clear();
            foreach (var entry in curated)
            {
                _curated[entry.Id] = entry;
            }

            return Task.FromResult(new SeedReport(added, [], [], curated.Count - added.Count));
        }
    }

    public Task<IReadOnlyList<Entry>> GetCuratedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Entry>>([.. _curated.Values.OrderBy(e => e.Id, StringComparer.Ordinal)]);
        }
    }

    public Task<IReadOnlyList<EntryRevision>> GetHistoryAsync(string entryId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EntryRevision>>([]);

    public Task<IReadOnlyList<ScopedEntry>> GetScopedAsync(string? scope, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ScopedEntry>>([.. _scoped.Values
                .Where(s => scope is null || s.Scope == scope)
                .OrderBy(s => s.Scope, StringComparer.Ordinal).ThenBy(s => s.EntryId, StringComparer.Ordinal)]);
        }
    }

    public Task<IReadOnlyList<EntryRevision>> GetScopedHistoryAsync(string scope, string entryId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<EntryRevision>>(_history.TryGetValue((scope, entryId), out var list) ? [.. list] : []);
        }
    }

    public Task<ChangeOutcome> ApplyAsync(IReadOnlyList<EntryChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Check every change before writing any: a batch is all or nothing.
            var pending = new Dictionary<(string, string), int>();
            foreach (var change in changes)
            {
                var key = (change.Scope, change.EntryId);
                var current = pending.TryGetValue(key, out var p) ? p : _scoped.GetValueOrDefault(key)?.Revision ?? 0;
                if (current != change.BasedOn)
                {
                    return Task.FromResult(new ChangeOutcome([], _scoped.GetValueOrDefault(key)));
                }

                pending[key] = current + 1;
            }

            var at = time.GetUtcNow();
            var states = new List<ScopedEntry>(changes.Count);
            foreach (var change in changes)
            {
                var key = (change.Scope, change.EntryId);
                var state = new ScopedEntry(change.Scope, change.EntryId, change.Entry, change.Removed, change.Shared, change.BasedOn + 1, at, change.By);
                _scoped[key] = state;
                if (!_history.TryGetValue(key, out var list))
                {
                    _history[key] = list = [];
                }

                list.Add(new EntryRevision(change.EntryId, state.Revision, at, change.By, change.Action, change.Entry) { Removed = change.Removed });
                states.Add(state);
            }

            return Task.FromResult(new ChangeOutcome(states, null));
        }
    }
}
