namespace CyberCode.Core.Knowledge;

/// <summary>What a seeding run changed in the store.</summary>
public sealed record SeedReport(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Updated,
    IReadOnlyList<string> Removed,
    int Unchanged)
{
    public bool ChangedAnything => Added.Count + Updated.Count + Removed.Count > 0;
}

/// <summary>
/// Durable storage of entries. The curated entries from <c>knowledge/</c> are seeded into it at
/// start-up; later, moderators' entries live beside them, scoped to their server or team.
/// </summary>
public interface IKnowledgeStore
{
    /// <summary>
    /// Makes the stored curated entries equal to <paramref name="curated"/>: adds new ones,
    /// updates changed ones (keeping a revision), removes ones no longer in the files.
    /// Running it twice with the same entries changes nothing.
    /// </summary>
    Task<SeedReport> SeedCuratedAsync(IReadOnlyList<Entry> curated, CancellationToken cancellationToken);

    /// <summary>The curated entries as stored, in a stable order.</summary>
    Task<IReadOnlyList<Entry>> GetCuratedAsync(CancellationToken cancellationToken);

    /// <summary>The stored revisions of one curated entry, oldest first.</summary>
    Task<IReadOnlyList<EntryRevision>> GetHistoryAsync(string entryId, CancellationToken cancellationToken);

    /// <summary>
    /// The moderators' entries and their hides and overrides of curated entries: of one scope, or
    /// of every scope when <paramref name="scope"/> is null (to build the overlays at start-up).
    /// </summary>
    Task<IReadOnlyList<Moderation.ScopedEntry>> GetScopedAsync(string? scope, CancellationToken cancellationToken);

    /// <summary>The revisions of one entry in one scope, oldest first; empty when it has none there.</summary>
    Task<IReadOnlyList<EntryRevision>> GetScopedHistoryAsync(string scope, string entryId, CancellationToken cancellationToken);

    /// <summary>
    /// Applies the changes all together or not at all, each as a new revision, in one
    /// transaction; returns only after it is committed. A change whose
    /// <see cref="Moderation.EntryChange.BasedOn"/> is not the entry's current revision is refused
    /// (nothing is written) and the current state is returned as the conflict.
    /// </summary>
    Task<Moderation.ChangeOutcome> ApplyAsync(IReadOnlyList<Moderation.EntryChange> changes, CancellationToken cancellationToken);
}

/// <summary>One stored version of an entry: who changed it, when, and to what.</summary>
/// <param name="Entry">The entry as it became; null when it was removed or hidden, or (for a curated entry in a scope) when the scope went back to the shared text.</param>
public sealed record EntryRevision(string EntryId, int Revision, DateTimeOffset At, string By, string Action, Entry? Entry)
{
    /// <summary>Whether the entry was removed (or, for a curated one, hidden in the scope) at this revision.</summary>
    public bool Removed { get; init; }
}
