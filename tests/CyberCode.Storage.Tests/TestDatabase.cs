using CyberCode.Storage.Database;
using CyberCode.Storage.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CyberCode.Storage.Tests;

/// <summary>A LiteDB file in a fresh temporary directory, deleted with it.</summary>
internal sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cybercode-storage-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "cybercode.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public LiteDbKnowledgeStore Open(TimeProvider? time = null, ILogger<LiteDbKnowledgeStore>? logger = null) =>
        OpenStore(Path, time ?? Time, logger);

    /// <summary>A knowledge store that owns its own database, closed when the store is disposed.</summary>
    public static LiteDbKnowledgeStore OpenStore(string path, TimeProvider time, ILogger<LiteDbKnowledgeStore>? logger = null) =>
        new(OpenDatabase(path), time, logger ?? NullLogger<LiteDbKnowledgeStore>.Instance, ownsDatabase: true);

    public static CyberCodeDatabase OpenDatabase(string path) =>
        new(Options.Create(new StorageOptions { DatabasePath = path }), NullLogger<CyberCodeDatabase>.Instance);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

/// <summary>A clock that cancels a token the first time it is read, i.e. in the middle of a seeding run.</summary>
internal sealed class CancellingClock(CancellationTokenSource source, DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        source.Cancel();
        return now;
    }
}

/// <summary>Keeps what was logged, so a test can read it.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
