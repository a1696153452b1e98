namespace CyberCode.Core.Answering.Semantic;

/// <summary>
/// Durable vectors keyed by model and a hash of the text, so a restart does not recompute the
/// embeddings of every curated phrasing and passage.
/// </summary>
public interface IEmbeddingCache
{
    /// <summary>The stored vectors for those keys that have one.</summary>
    Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(string model, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Stores vectors (replacing any under the same key).</summary>
    Task PutManyAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the vectors of every model but <paramref name="models"/> (a model's name changes
    /// with the word weights, so each revision of the curated knowledge would otherwise leave a
    /// full set behind); returns how many were removed.
    /// </summary>
    Task<int> RetainModelsAsync(IReadOnlyCollection<string> models, CancellationToken cancellationToken);
}
