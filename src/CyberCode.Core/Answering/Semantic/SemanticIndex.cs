using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Answering.Semantic;

/// <summary>
/// The embedded texts of every target: for an entry, each way of asking for it (title, phrasings,
/// aliases) and its answer; for a passage, each of its sentences. A question is compared with all
/// of them (a few thousand dot products of 384 floats: well under a millisecond).
/// </summary>
internal sealed class SemanticIndex
{
    private readonly SemanticText[] _texts;
    private readonly float[] _matrix;
    private readonly int _dimensions;
    private readonly SemanticClassifier? _classifier;

    private SemanticIndex(SemanticText[] texts, float[] matrix, int dimensions, SemanticClassifier? classifier)
    {
        _texts = texts;
        _matrix = matrix;
        _dimensions = dimensions;
        _classifier = classifier;
    }

    public int Count => _texts.Length;

    /// <summary>What to embed for a body of knowledge, with a stable key per text.</summary>
    public static IReadOnlyList<SemanticText> TextsOf(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var texts = new List<SemanticText>(TextsOf(knowledge.Entries));
        foreach (var passage in knowledge.Essay.Passages)
        {
            foreach (var (start, length) in Passages.Sentences(passage.Text))
            {
                var sentence = passage.Text.Substring(start, length).Trim();
                if (sentence.Length >= 12)
                {
                    texts.Add(new SemanticText("p:" + passage.Id, SemanticRole.Body, sentence));
                }
            }
        }

        return texts;
    }

    /// <summary>
    /// The ways of asking that only teach the <see cref="SemanticClassifier"/>
    /// (<see cref="KnowledgeBase.Training"/>), for the entries and passages the knowledge has; never indexed.
    /// </summary>
    public static IReadOnlyList<SemanticText> TrainingTextsOf(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        string? TargetKey(string id) =>
            knowledge.Find(id) is { } entry ? "e:" + entry.Id
            : knowledge.Essay.Find(id) is { } passage ? "p:" + passage.Id
            : null;
        return [.. knowledge.Training
            .Where(kv => TargetKey(kv.Key) is not null)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .SelectMany(kv => kv.Value.Select(text => new SemanticText(TargetKey(kv.Key)!, SemanticRole.Surface, text)))];
    }

    /// <summary>What to embed for some entries: each way of asking for it and its answer.</summary>
    public static IReadOnlyList<SemanticText> TextsOf(IEnumerable<Entry> entries)
    {
        var texts = new List<SemanticText>();
        foreach (var entry in entries)
        {
            var key = "e:" + entry.Id;
            foreach (var surface in entry.Phrasings.Prepend(entry.Title).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                texts.Add(new SemanticText(key, SemanticRole.Surface, surface));
            }

            texts.Add(new SemanticText(key, SemanticRole.Body, entry.Text));
        }

        return texts;
    }

    /// <summary>The cache key of a text: a hash, so the cache never holds the knowledge twice.</summary>
    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    /// <summary>The index over these texts; with a <paramref name="classifier"/> trained on them, scores carry its probabilities too.</summary>
    public static SemanticIndex Build(IReadOnlyList<SemanticText> texts, IReadOnlyList<float[]> vectors, SemanticClassifier? classifier = null)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(vectors.Count, texts.Count);
        var dimensions = vectors.Count > 0 ? vectors[0].Length : 0;
        var matrix = new float[texts.Count * dimensions];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != dimensions)
            {
                throw new InvalidOperationException($"Vector {i} has {vectors[i].Length} dimensions, not {dimensions}.");
            }

            vectors[i].CopyTo(matrix, i * dimensions);
        }

        if (classifier is not null && classifier.Dimensions != dimensions)
        {
            throw new InvalidOperationException($"The classifier has {classifier.Dimensions} dimensions, the vectors {dimensions}.");
        }

        return new SemanticIndex([.. texts], matrix, dimensions, classifier);
    }

    /// <summary>
    /// For each target, the best cosine between the question and one of its ways of asking, and
    /// between the question and its answer text or sentences; and, with a classifier, the
    /// probability that the question is about it.
    /// </summary>
    public SemanticScores Score(float[] question)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(question.Length, _dimensions);
        var scores = new Dictionary<string, (double Surface, double Body)>(StringComparer.Ordinal);
        var matrix = _matrix.AsSpan();
        for (var i = 0; i < _texts.Length; i++)
        {
            var cosine = TensorPrimitives.Dot(matrix.Slice(i * _dimensions, _dimensions), question);
            var text = _texts[i];
            var (surface, body) = scores.GetValueOrDefault(text.TargetKey, (-1, -1));
            scores[text.TargetKey] = text.Role == SemanticRole.Surface
                ? (Math.Max(surface, cosine), body)
                : (surface, Math.Max(body, cosine));
        }

        return new SemanticScores(scores, _classifier?.Probabilities(question));
    }
}

internal enum SemanticRole
{
    /// <summary>A way of asking for an entry.</summary>
    Surface,

    /// <summary>What an entry or passage says.</summary>
    Body,
}

internal sealed record SemanticText(string TargetKey, SemanticRole Role, string Text);

/// <summary>
/// A question's closeness to every target (cosines in -1..1; -1 where a target has no text of that
/// role) and, when a <see cref="SemanticClassifier"/> was trained, the probability of each target
/// (targets it was not trained on, such as a scope's own entries, have none).
/// </summary>
internal sealed class SemanticScores(Dictionary<string, (double Surface, double Body)> scores, IReadOnlyDictionary<string, double>? probabilities = null)
{
    public IReadOnlyDictionary<string, (double Surface, double Body)> ByTarget => scores;

    /// <summary>The classifier's probabilities, or null without one.</summary>
    public IReadOnlyDictionary<string, double>? Probabilities => probabilities;

    /// <summary>The best cosine for a target: its best way of asking, else its text.</summary>
    public double Best(string targetKey) =>
        scores.TryGetValue(targetKey, out var s) ? Math.Max(s.Surface, s.Body) : 0;

    /// <summary>The classifier's probability that the question is about a target (0 without a classifier or for a target it does not know).</summary>
    public double Probability(string targetKey) =>
        probabilities is not null && probabilities.TryGetValue(targetKey, out var p) ? p : 0;

    /// <summary>
    /// The closeness that counts for a target: its best cosine, raised by the classifier's
    /// probability times <paramref name="classifierWeight"/> (<see cref="Tuning.ClassifierWeight"/>).
    /// </summary>
    public double Closeness(string targetKey, double classifierWeight) =>
        scores.TryGetValue(targetKey, out var s) ? Math.Max(s.Surface, s.Body) + (classifierWeight * Probability(targetKey)) : 0;

    /// <summary>The <paramref name="count"/> targets of greatest <see cref="Closeness"/>.</summary>
    public IEnumerable<string> Top(int count, double classifierWeight = 0) =>
        scores.Keys.OrderByDescending(key => Closeness(key, classifierWeight)).Take(count);
}
