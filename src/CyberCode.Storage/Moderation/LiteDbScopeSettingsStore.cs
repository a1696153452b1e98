using System.Collections.Concurrent;
using CyberCode.Core.Moderation;
using CyberCode.Storage.Database;
using LiteDB;

namespace CyberCode.Storage.Moderation;

/// <summary>
/// <see cref="IScopeSettingsStore"/> in the <c>scope_settings</c> collection, one document per
/// scope. Every Discord interaction asks for its server's settings, so they are kept in memory
/// once read; a save writes the document first and then the memory, so what is read back is
/// always what is on disk.
/// </summary>
internal sealed class LiteDbScopeSettingsStore : IScopeSettingsStore
{
    private readonly CyberCodeDatabase _database;
    private readonly ILiteCollection<ScopeSettingsDocument> _documents;
    private readonly ConcurrentDictionary<string, ScopeSettings> _read = new(StringComparer.Ordinal);
    private readonly Lock _writeGate = new();

    public LiteDbScopeSettingsStore(CyberCodeDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _documents = database.Db.GetCollection<ScopeSettingsDocument>("scope_settings");
    }

    public Task<ScopeSettings> GetAsync(string scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<ScopeSettings>(cancellationToken);
        }

        if (_read.TryGetValue(scope, out var known))
        {
            return Task.FromResult(known);
        }

        try
        {
            _database.ThrowIfDisposed();
            var settings = _documents.FindById(scope) is { } d ? FromDocument(d) : ScopeSettings.Default;
            return Task.FromResult(_read.GetOrAdd(scope, settings));
        }
        catch (Exception ex)
        {
            return Task.FromException<ScopeSettings>(ex);
        }
    }

    public Task SaveAsync(string scope, ScopeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentNullException.ThrowIfNull(settings);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            lock (_writeGate)
            {
                _database.ThrowIfDisposed();
                _documents.Upsert(new ScopeSettingsDocument
                {
                    Id = scope,
                    ModeratorRoleId = settings.ModeratorRoleId,
                    ChangedBy = settings.ChangedBy,
                    ChangedAt = settings.ChangedAt?.UtcDateTime,
                });
                _read[scope] = settings;
            }

            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private static ScopeSettings FromDocument(ScopeSettingsDocument d) => new()
    {
        ModeratorRoleId = d.ModeratorRoleId,
        ChangedBy = d.ChangedBy,
        ChangedAt = d.ChangedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
    };
}

/// <summary>One scope's settings in <c>scope_settings</c>.</summary>
internal sealed class ScopeSettingsDocument
{
    /// <summary>The scope: a Discord guild id, a Teams tenant id, or <c>local</c>.</summary>
    public string Id { get; set; } = string.Empty;

    public string? ModeratorRoleId { get; set; }

    public string? ChangedBy { get; set; }

    public DateTime? ChangedAt { get; set; }
}
