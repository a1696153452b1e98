using System.Globalization;

namespace CyberCode.Core.Answering.Semantic;

/// <summary>
/// How much each word piece counts when a sentence's word-piece vectors are pooled into one. The
/// model was trained with a plain mean, in which "what", "is", "the" and the essay's every-line
/// words ("cyber", "security", "code") weigh as much as "sovereignty" or "2015"; a short chatty
/// question is then mostly its filler. The service weighs a piece by 1 + S × its inverse document
/// frequency among the knowledge's embedded texts (<see cref="InverseDocumentFrequency"/>, S =
/// <see cref="MiniLmEmbedder.IdfStrength"/>); pieces those texts never use weigh most. Smooth
/// inverse frequency (Arora et al., 2017: a / (a + p), p a piece's share of all pieces) was
/// measured beside it (bench/README.md).
/// </summary>
public sealed class TokenWeights
{
    private readonly Dictionary<long, float> _weights;

    private TokenWeights(string name, Dictionary<long, float> weights)
    {
        Name = name;
        _weights = weights;
    }

    /// <summary>Names the weighting and the text it was counted on (part of the cache's model key).</summary>
    public string Name { get; }

    /// <summary>The weight of one word piece.</summary>
    public float Of(long id) => _weights.TryGetValue(id, out var weight) ? weight : Unseen;

    /// <summary>Smooth inverse frequency over <paramref name="corpus"/>, each text's word pieces as the model reads them.</summary>
    internal static TokenWeights SmoothInverseFrequency(IReadOnlyList<long[]> corpus, double a)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        var counts = new Dictionary<long, long>();
        long total = 0;
        var fingerprint = new System.Text.StringBuilder();
        foreach (var text in corpus)
        {
            foreach (var id in text)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
                total++;
                fingerprint.Append(id).Append(' ');
            }

            fingerprint.Append('\n');
        }

        var weights = counts.ToDictionary(kv => kv.Key, kv => (float)(a / (a + (kv.Value / (double)total))));
        var name = string.Create(CultureInfo.InvariantCulture, $"sif{a}-{SemanticIndex.Hash(fingerprint.ToString())[..12]}");
        return new TokenWeights(name, weights);
    }

    /// <summary>1 + <paramref name="strength"/> × the inverse document frequency of each piece over <paramref name="corpus"/>.</summary>
    internal static TokenWeights InverseDocumentFrequency(IReadOnlyList<long[]> corpus, double strength)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var documents = new Dictionary<long, int>();
        var fingerprint = new System.Text.StringBuilder();
        foreach (var text in corpus)
        {
            foreach (var id in text.Distinct())
            {
                documents[id] = documents.GetValueOrDefault(id) + 1;
            }

            fingerprint.AppendJoin(' ', text).Append('\n');
        }

        var n = corpus.Count;
        var unseen = (float)(1 + (strength * Math.Log(n + 1.0)));
        var weights = documents.ToDictionary(kv => kv.Key, kv => (float)(1 + (strength * Math.Log((n + 1.0) / (kv.Value + 1.0)))));
        var name = string.Create(CultureInfo.InvariantCulture, $"idf{strength}-{SemanticIndex.Hash(fingerprint.ToString())[..12]}");
        return new TokenWeights(name, weights) { Unseen = unseen };
    }

    private float Unseen { get; init; } = 1f;
}
