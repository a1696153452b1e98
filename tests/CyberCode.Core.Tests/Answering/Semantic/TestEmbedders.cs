using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Knowledge;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CyberCode.Core.Tests.Answering.Semantic;

/// <summary>The real model, loaded once for the test run, with its vectors kept in memory.</summary>
internal static class RealModel
{
    private static readonly MemoryEmbeddingCache Cache = new();

    private static readonly Lazy<SemanticMatcher> LazyMatcher = new(() =>
    {
        var matcher = Matcher(Repo.Knowledge, MiniLmEmbedder.For(Repo.Knowledge), Cache);
        matcher.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
        return matcher;
    });

    public static SemanticMatcher Matcher() => LazyMatcher.Value;

    public static SemanticMatcher Matcher(KnowledgeBase knowledge, ISentenceEmbedder embedder, IEmbeddingCache cache, ILogger<SemanticMatcher>? logger = null, bool enabled = true) =>
        new(Options.Create(new SemanticOptions { Enabled = enabled }), knowledge, cache, logger ?? NullLogger<SemanticMatcher>.Instance, () => embedder);
}

/// <summary>
/// A stand-in for the model where the test is about loading, not meaning: vectors from a hash of
/// the text, counted; it can be made to fail or to wait.
/// </summary>
internal sealed class CountingEmbedder(Exception? failWith = null, Task? gate = null) : ISentenceEmbedder
{
    private int _embedded;

    public int Embedded => _embedded;

    public string Model => "counting-test-model";

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        gate?.Wait(cancellationToken);
        if (failWith is not null)
        {
            throw failWith;
        }

        Interlocked.Add(ref _embedded, texts.Count);
        return [.. texts.Select(Vector)];
    }

    public void Dispose()
    {
    }

    private static float[] Vector(string text)
    {
        var v = new float[8];
        foreach (var c in text)
        {
            v[c % 8] += 1;
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => norm == 0 ? 0 : x / norm)];
    }
}

/// <summary>Keeps what was logged, so a test can read it.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, EventId Id, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (Entries)
        {
            Entries.Add((logLevel, eventId, formatter(state, exception)));
        }
    }
}
