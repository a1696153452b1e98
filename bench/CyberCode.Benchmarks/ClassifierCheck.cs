using System.Globalization;
using System.Numerics.Tensors;
using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Evaluation;
using CyberCode.Core.Knowledge;

namespace CyberCode.Benchmarks;

/// <summary>
/// <c>--tune --classifier</c>: meaning alone, without words, on the choosing set's answerable
/// questions: how often the target with the best cosine, and the <see cref="SemanticClassifier"/>'s
/// most probable target, cite the right passage first; and the classifier trained with other
/// numbers of passes and learning rates (<c>--classifier 10:0.01,20:0.01</c>).
/// </summary>
internal static class ClassifierCheck
{
    public static void Run(string? specs, KnowledgeBase knowledge, ISentenceEmbedder embedder, IEmbeddingCache cache, IReadOnlyList<EvalItem> items)
    {
        var texts = SemanticIndex.TextsOf(knowledge);
        var keys = texts.Select(t => SemanticIndex.Hash(t.Text)).ToArray();
        var stored = cache.GetManyAsync(embedder.Model, keys.Distinct().ToArray(), CancellationToken.None).GetAwaiter().GetResult();
        var x = keys.Select(k => stored[k]).ToArray();
        var answerable = items.Where(i => i.Gold.Count > 0).ToList();
        var questions = embedder.Embed([.. answerable.Select(i => i.Question)], CancellationToken.None);

        string FirstPassage(string key) => key.StartsWith("p:", StringComparison.Ordinal) ? key[2..] : knowledge.Find(key[2..])!.Citations[0].PassageId;
        bool Right(EvalItem item, string key)
        {
            var text = Evaluator.Normalize(knowledge.Essay.Find(FirstPassage(key))?.Text ?? string.Empty);
            return item.Gold.Select(Evaluator.Normalize).Any(text.Contains);
        }

        var byCosine = answerable.Where((item, q) => Right(item, texts[Enumerable.Range(0, x.Length).MaxBy(i => TensorPrimitives.Dot(x[i], questions[q]))].TargetKey)).Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  meaning alone, best cosine: top1={byCosine / (double)answerable.Count:0.000} n={answerable.Count}"));
        var settings = string.IsNullOrEmpty(specs) || specs.StartsWith("--", StringComparison.Ordinal)
            ? [(SemanticClassifier.Epochs, SemanticClassifier.LearningRate)]
            : specs.Split(',').Select(s => s.Split(':')).Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), float.Parse(p[1], CultureInfo.InvariantCulture))).ToArray();
        foreach (var (epochs, rate) in settings)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var classifier = SemanticClassifier.Train(texts, x, CancellationToken.None, epochs, rate);
            var ms = clock.ElapsedMilliseconds;
            var right = answerable.Where((item, q) => Right(item, classifier.Probabilities(questions[q]).MaxBy(kv => kv.Value).Key)).Count();
            var fitted = texts.Where((t, i) => classifier.Probabilities(x[i]).MaxBy(kv => kv.Value).Key == t.TargetKey).Count();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  meaning alone, classifier ({epochs} passes, rate {rate}): top1={right / (double)answerable.Count:0.000}; its own texts {fitted / (double)x.Length:0.000}; trained in {ms} ms"));
        }
    }
}
