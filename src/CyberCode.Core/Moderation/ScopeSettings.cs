using System.Collections.Concurrent;

namespace CyberCode.Core.Moderation;

/// <summary>
/// What a server's (or tenant's) own moderators set for the bot there, kept per scope
/// (<see cref="Scopes"/>). Quiz timing has its own store; this holds who moderates.
/// </summary>
public sealed record ScopeSettings
{
    public static readonly ScopeSettings Default = new();

    /// <summary>
    /// A role of the platform whose members moderate here besides those with the platform's own
    /// moderator permissions (on Discord: a role id, set with <c>/kb settings moderator-role</c>).
    /// </summary>
    public string? ModeratorRoleId { get; init; }

    /// <summary>Who changed the settings last (<c>channel:user</c>), when they were changed.</summary>
    public string? ChangedBy { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }
}

/// <summary>Durable <see cref="ScopeSettings"/>: read on every moderator check, so reads must be cheap.</summary>
public interface IScopeSettingsStore
{
    /// <summary>The scope's settings; <see cref="ScopeSettings.Default"/> when it has none.</summary>
    Task<ScopeSettings> GetAsync(string scope, CancellationToken cancellationToken);

    /// <summary>Replaces the scope's settings; acknowledged once stored.</summary>
    Task SaveAsync(string scope, ScopeSettings settings, CancellationToken cancellationToken);
}

/// <summary><see cref="IScopeSettingsStore"/> in memory: for tests and hosts without a database.</summary>
public sealed class MemoryScopeSettingsStore : IScopeSettingsStore
{
    private readonly ConcurrentDictionary<string, ScopeSettings> _settings = new(StringComparer.Ordinal);

    public Task<ScopeSettings> GetAsync(string scope, CancellationToken cancellationToken) =>
        Task.FromResult(_settings.GetValueOrDefault(scope, ScopeSettings.Default));

    public Task SaveAsync(string scope, ScopeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings[scope] = settings;
        return Task.CompletedTask;
    }
}
