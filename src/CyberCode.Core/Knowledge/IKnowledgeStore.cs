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

    /// <summary>The stored revisions of one entry, oldest first.</summary>
    Task<IReadOnlyList<EntryRevision>> GetHistoryAsync(string entryId, CancellationToken cancellationToken);
}

/// <summary>One stored version of an entry: who changed it, when, and to what.</summary>
public sealed record EntryRevision(string EntryId, int Revision, DateTimeOffset At, string By, string Action, Entry? Entry);
