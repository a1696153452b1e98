using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Moderation;

/// <summary>
/// The current state of one entry id in one scope (a Discord server, a Teams tenant, or
/// <see cref="Scopes.Local"/> for the CLI and web chat): a moderator's own entry, or a curated
/// entry that the scope hides or overrides.
/// </summary>
/// <param name="Scope">The scope the state belongs to; no other scope sees it.</param>
/// <param name="EntryId">The entry's id (for an override or a hide, the curated entry's id).</param>
/// <param name="Entry">The scope's text of the entry; null for a curated entry shown as shared.</param>
/// <param name="Removed">Removed (own entry) or hidden (curated entry) in this scope.</param>
/// <param name="Shared">The id is a curated entry's: <see cref="Entry"/>, when set, overrides it here.</param>
/// <param name="Revision">The number of the last revision, 1 for a new entry.</param>
/// <param name="At">When the last revision was made.</param>
/// <param name="By">Who made it (<c>channel:user</c>).</param>
public sealed record ScopedEntry(string Scope, string EntryId, Entry? Entry, bool Removed, bool Shared, int Revision, DateTimeOffset At, string By)
{
    /// <summary>Whether this state changes what the scope sees compared with the shared knowledge.</summary>
    public bool ChangesAnything => Removed || Entry is not null;
}

/// <summary>
/// One change to store: the state an entry id gets in a scope, and the revision the moderator
/// saw when making it (optimistic concurrency).
/// </summary>
/// <param name="BasedOn">The revision the change was made from; 0 when the id has no state in the scope yet.</param>
/// <param name="Action">What a person did, as history shows it: added, edited, removed, restored, hidden, reverted, …</param>
public sealed record EntryChange(string Scope, string EntryId, string Action, Entry? Entry, bool Removed, bool Shared, int BasedOn, string By);

/// <summary>What storing changes did: the new states, or the state that conflicted.</summary>
/// <param name="Entries">The states after the changes (empty when refused).</param>
/// <param name="Conflict">The current state of the entry whose revision was not the one the change was based on.</param>
public sealed record ChangeOutcome(IReadOnlyList<ScopedEntry> Entries, ScopedEntry? Conflict)
{
    public bool Applied => Conflict is null;
}

/// <summary>The actions a revision records (history shows them as they are).</summary>
public static class EntryActions
{
    public const string Added = "added";
    public const string Edited = "edited";
    public const string Removed = "removed";
    public const string Restored = "restored";
    public const string Hidden = "hidden";
    public const string Shown = "shown";
    public const string Overridden = "overridden";
    public const string Reset = "reset";
    public const string Reverted = "reverted";
    public const string Phrased = "phrasing added";
    public const string Imported = "imported";
}

/// <summary>Where moderation applies.</summary>
public static class Scopes
{
    /// <summary>
    /// The scope of messages that belong to no server or tenant: the CLI and the web chat, run by
    /// whoever operates this installation.
    /// </summary>
    public const string Local = "local";

    /// <summary>
    /// The scope of a Discord direct message, which belongs to no server: it sees the shared
    /// entries as published and nobody can change it (a server's entries are not shown to people
    /// outside it, and the operator's <see cref="Local"/> changes are not theirs).
    /// </summary>
    public const string SharedOnly = "shared";

    public static string Of(string? scopeId) => string.IsNullOrWhiteSpace(scopeId) ? Local : scopeId.Trim();

    /// <summary>
    /// The scope of a message: its server or tenant; else the operator's <see cref="Local"/> for the
    /// CLI and the web chat, and <see cref="SharedOnly"/> for a platform's message from outside any
    /// server (a Discord DM).
    /// </summary>
    public static string Of(Incoming incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return Of(incoming.Channel, incoming.ScopeId);
    }

    /// <summary>As <see cref="Of(Incoming)"/>, from a message's channel and server or tenant.</summary>
    public static string Of(string channel, string? scopeId) =>
        !string.IsNullOrWhiteSpace(scopeId) ? scopeId.Trim()
        : channel is "cli" or "web" ? Local
        : SharedOnly;
}
