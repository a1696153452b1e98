using CyberCode.Storage.Knowledge;
using CyberCode.Storage.Learning;
using CyberCode.Storage.Semantic;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Storage.Database;

/// <summary>
/// The one LiteDB file of the process, opened in direct mode and shared by every store (LiteDB's
/// <see cref="LiteDatabase"/> is thread-safe in that mode). The container disposes it after the
/// stores that use it, which checkpoints the log into the data file and closes it cleanly.
/// </summary>
internal sealed partial class CyberCodeDatabase : IDisposable
{
    private readonly ILogger<CyberCodeDatabase> _logger;
    private int _disposed;

    public CyberCodeDatabase(IOptions<StorageOptions> options, ILogger<CyberCodeDatabase> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        Path = ResolvePath(options.Value.DatabasePath);
        Db = Open(Path);
        LogOpened(Path);
    }

    public LiteDatabase Db { get; }

    public string Path { get; }

    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            Db.Checkpoint();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or LiteDB.LiteException)
        {
            // LiteDB closes its file itself after some failures; what it wrote is in its log file
            // and is replayed at the next open, so a shutdown must not end in an unhandled error.
            LogCheckpointFailed(ex, Path);
        }

        Db.Dispose();
        LogClosed(Path);
    }

    /// <summary>
    /// Opens the file and reads every collection once, so a damaged file or one held by another
    /// process is reported here, in one clear message, instead of as a LiteDB error from whichever
    /// store touches it first (after which LiteDB's own locks may fail at shutdown).
    /// </summary>
    private static LiteDatabase Open(string path)
    {
        LiteDatabase? db = null;
        try
        {
            db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, CreateMapper());
            foreach (var name in db.GetCollectionNames().ToList())
            {
                db.GetCollection(name).Count();
            }

            return db;
        }
        catch (Exception ex) when (ex is LiteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            try
            {
                db?.Dispose();
            }
            catch (Exception)
            {
                // A damaged engine may fail to close; the message below is what matters.
            }

            var log = System.IO.Path.ChangeExtension(path, null) + "-log" + System.IO.Path.GetExtension(path);
            var advice = ex is IOException or UnauthorizedAccessException
                ? "If another cybercode process is running, stop it, or set Storage:DatabasePath (Storage__DatabasePath) to another file; check that the folder is writable."
                : $"The file looks damaged. Move it (and {log}, if present) aside and start again: the curated entries are written again from knowledge/, but misses, feedback and cached vectors were only in that file.";
            throw new StorageUnavailableException($"The database {path} cannot be opened ({ex.Message.Split('\n')[0].Trim()}). {advice}", ex);
        }
    }

    private static string ResolvePath(string databasePath)
    {
        if (string.IsNullOrWhiteSpace(databasePath))
        {
            throw new OptionsValidationException(nameof(StorageOptions), typeof(StorageOptions), ["Storage:DatabasePath is required."]);
        }

        if (databasePath == StorageOptions.InMemory)
        {
            return databasePath;
        }

        var full = System.IO.Path.GetFullPath(databasePath);
        if (System.IO.Path.GetDirectoryName(full) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        return full;
    }

    private static BsonMapper CreateMapper()
    {
        // The defaults trim strings and store "" as null; stored text must read back exactly.
        var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false };
        mapper.Entity<EntryDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<RevisionDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<QuestionTallyDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<EmbeddingDocument>().Id(d => d.Id, autoId: false);
        return mapper;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Opened the database at {Path}")]
    private partial void LogOpened(string path);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Closed the database at {Path}")]
    private partial void LogClosed(string path);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Could not checkpoint the database at {Path} while closing it; the next start replays its log")]
    private partial void LogCheckpointFailed(Exception exception, string path);
}
