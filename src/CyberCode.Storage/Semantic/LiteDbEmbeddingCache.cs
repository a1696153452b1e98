using System.Runtime.InteropServices;
using CyberCode.Core.Answering.Semantic;
using CyberCode.Storage.Database;
using LiteDB;

namespace CyberCode.Storage.Semantic;

/// <summary><see cref="IEmbeddingCache"/> in the <c>embeddings</c> collection.</summary>
internal sealed class LiteDbEmbeddingCache : IEmbeddingCache
{
    private const string Collection = "embeddings";

    private readonly CyberCodeDatabase _database;
    private readonly ILiteCollection<EmbeddingDocument> _vectors;

    public LiteDbEmbeddingCache(CyberCodeDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _vectors = database.Db.GetCollection<EmbeddingDocument>(Collection);
    }

    public Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(string model, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(keys);
        try
        {
            var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _database.ThrowIfDisposed();
                if (_vectors.FindById(Id(model, key)) is { } doc && doc.Vector.Length % sizeof(float) == 0)
                {
                    found[key] = MemoryMarshal.Cast<byte, float>(doc.Vector).ToArray();
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, float[]>>(found);
        }
        catch (Exception ex)
        {
            return Task.FromException<IReadOnlyDictionary<string, float[]>>(ex);
        }
    }

    public Task PutManyAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(vectors);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            _database.ThrowIfDisposed();
            var docs = vectors.Select(pair => new EmbeddingDocument
            {
                Id = Id(model, pair.Key),
                Vector = MemoryMarshal.AsBytes(pair.Value.AsSpan()).ToArray(),
            }).ToList();

            // One call is one LiteDB transaction: a restart finds all of a batch or none of it.
            _vectors.Upsert(docs);
            return Task.CompletedTask;
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    public Task<int> RetainModelsAsync(IReadOnlyCollection<string> models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            _database.ThrowIfDisposed();
            var prefixes = models.Select(m => m + "|").ToArray();
            var stale = _vectors.Query().Select(d => d.Id).ToList()
                .Where(id => !prefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal)))
                .ToList();
            if (stale.Count == 0)
            {
                return Task.FromResult(0);
            }

            // One transaction: a restart finds all of them gone or none.
            var removed = _vectors.DeleteMany(Query.In("_id", stale.Select(id => new BsonValue(id))));
            return Task.FromResult(removed);
        }
        catch (Exception ex)
        {
            return Task.FromException<int>(ex);
        }
    }

    private static string Id(string model, string key) => model + "|" + key;
}
