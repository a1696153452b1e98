using System.Collections.Concurrent;

namespace CyberCode.Core.Answering.Semantic;

/// <summary>
/// Vectors kept for the life of the process: for measurements and tests that build many
/// matchers over the same texts without a database.
/// </summary>
internal sealed class MemoryEmbeddingCache : IEmbeddingCache
{
    private readonly ConcurrentDictionary<(string Model, string Key), float[]> _vectors = new();

    public Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(string model, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (_vectors.TryGetValue((model, key), out var vector))
            {
                found[key] = vector;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, float[]>>(found);
    }

    public Task PutManyAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken cancellationToken)
    {
        foreach (var (key, vector) in vectors)
        {
            _vectors[(model, key)] = vector;
        }

        return Task.CompletedTask;
    }

    public Task<int> RetainModelsAsync(IReadOnlyCollection<string> models, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var key in _vectors.Keys.Where(k => !models.Contains(k.Model)))
        {
            removed += _vectors.TryRemove(key, out _) ? 1 : 0;
        }

        return Task.FromResult(removed);
    }
}
