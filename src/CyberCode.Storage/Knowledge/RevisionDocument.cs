using CyberCode.Core.Knowledge;

namespace CyberCode.Storage.Knowledge;

/// <summary>One row of the append-only <c>revisions</c> collection.</summary>
internal sealed class RevisionDocument
{
    /// <summary><c>{EntryId}/{Revision}</c>, so the database itself refuses a second revision n.</summary>
    public string Id { get; set; } = string.Empty;
    public string EntryId { get; set; } = string.Empty;
    public string Scope { get; set; } = string.Empty;
    public int Revision { get; set; }
    public DateTime At { get; set; }
    public string By { get; set; } = string.Empty;
    public string Action { get; set; } = string.Empty;

    /// <summary>The entry as it became; null when it was removed.</summary>
    public EntryDocument? Entry { get; set; }

    /// <summary>Removed or hidden in its scope at this revision (false in documents written before scopes).</summary>
    public bool Removed { get; set; }

    /// <summary>The id of a scope's revision: the scope in it, so scopes never share numbers.</summary>
    public static string MakeScopedId(string scope, string entryId, int revision) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"scope:{scope}/{entryId}/{revision}");

    public static string MakeId(string entryId, int revision) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{entryId}/{revision}");

    public EntryRevision ToRevision() =>
        new(EntryId, Revision, new DateTimeOffset(DateTime.SpecifyKind(At.ToUniversalTime(), DateTimeKind.Utc)), By, Action, Entry?.ToEntry()) { Removed = Removed };
}

/// <summary>The actions a revision records.</summary>
internal static class RevisionActions
{
    public const string Added = "added";
    public const string Updated = "updated";
    public const string Removed = "removed";
}
