using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Answering.Semantic;

/// <summary>
/// Matching by meaning for one scope: the shared matcher's scores, without the curated entries
/// the scope hides or overrides, plus scores for the scope's own entries from a small index of
/// their texts. That index is built the first time it is needed once the model is ready (the
/// model may still be loading when the scope's engine is built).
/// </summary>
internal sealed class ScopedSemantic(SemanticMatcher shared, IReadOnlyList<Entry> own, IReadOnlySet<string> withoutKeys) : ISemanticScorer
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ownKeys = own.Select(e => "e:" + e.Id).ToHashSet(StringComparer.Ordinal);
    private SemanticIndex? _own;

    public SemanticState State => shared.State;

    public SemanticScores? Match(string question)
    {
        if (shared.Match(question) is not { } scores || shared.Vector(question) is not { } vector)
        {
            return null;
        }

        var merged = new Dictionary<string, (double Surface, double Body)>(scores.ByTarget.Count + own.Count, StringComparer.Ordinal);
        foreach (var (key, value) in scores.ByTarget)
        {
            if (!withoutKeys.Contains(key))
            {
                merged[key] = value;
            }
        }

        if (OwnIndex() is { Count: > 0 } index)
        {
            foreach (var (key, value) in index.Score(vector).ByTarget)
            {
                merged[key] = value;
            }
        }

        // The classifier knows the curated targets only. A curated entry the scope corrected keeps
        // its probability (same id, same question); one it hides loses it; the scope's new entries
        // have none and compete on closeness and words.
        var probabilities = scores.Probabilities?.Where(p => !withoutKeys.Contains(p.Key) || _ownKeys.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new SemanticScores(merged, probabilities);
    }

    public void ForgetQuestions() => shared.ForgetQuestions();

    private SemanticIndex? OwnIndex()
    {
        lock (_gate)
        {
            return _own ??= shared.Embed(SemanticIndex.TextsOf(own));
        }
    }
}
