using CyberCode.Core.Moderation;

namespace CyberCode.Storage.Knowledge;

/// <summary>
/// One row of <c>scoped_entries</c>: the current state of an entry id in one scope. Its id holds
/// the scope, so the same entry id (an override of a curated entry, say) can live in many scopes.
/// </summary>
internal sealed class ScopedEntryDocument
{
    public string Id { get; set; } = string.Empty;
    public string Scope { get; set; } = string.Empty;
    public string EntryId { get; set; } = string.Empty;
    public EntryDocument? Entry { get; set; }
    public bool Removed { get; set; }
    public bool Shared { get; set; }
    public int Revision { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = string.Empty;

    public static string MakeId(string scope, string entryId) => $"{scope}/{entryId}";

    public ScopedEntry ToScopedEntry() =>
        new(Scope, EntryId, Entry?.ToEntry(), Removed, Shared, Revision, new DateTimeOffset(DateTime.SpecifyKind(At.ToUniversalTime(), DateTimeKind.Utc)), By);
}
