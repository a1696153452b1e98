using System.Globalization;
using CyberCode.Core.Answering;
using CyberCode.Core.Evaluation;
using CyberCode.Core.Knowledge;

namespace CyberCode.Benchmarks;

/// <summary>
/// <c>--tune --rerank</c>: would a learned ordering of the candidates beat the fused score? On the
/// choosing set's answerable questions, each question's first ten candidates get a feature vector
/// (the fused score and its parts, the classifier's probability for the target and for its
/// passage, how many candidates share its passage, its rank); a softmax over the candidates is
/// fitted out of fold (5 folds, 3 shuffles) and its first pick is scored like the fused one:
/// right when the passage that candidate cites first holds a gold phrase.
/// </summary>
internal static class RerankCheck
{
    private const int Take = 10;

    public static void Run(AnswerEngine engine, KnowledgeBase knowledge, IReadOnlyList<EvalItem> items)
    {
        var answerable = items.Where(i => i.Gold.Count > 0).ToList();
        string FirstPassage(Candidate c) => c.Target.Passage?.Id ?? c.Target.Entry!.Citations[0].PassageId;
        bool Right(EvalItem item, string passageId)
        {
            var text = Evaluator.Normalize(knowledge.Essay.Find(passageId)?.Text ?? string.Empty);
            return item.Gold.Select(Evaluator.Normalize).Any(text.Contains);
        }

        var lists = new List<(double[][] X, bool[] Y)>();
        foreach (var item in answerable)
        {
            var (ranked, meaning, coverage) = engine.Candidates(item.Question, Take);
            if (ranked.Count == 0)
            {
                lists.Add(([], []));
                continue;
            }

            var pooled = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var c in ranked)
            {
                pooled[FirstPassage(c)] = pooled.GetValueOrDefault(FirstPassage(c)) + (meaning?.Probability(c.Target.Key) ?? 0);
            }

            var top = ranked[0].Score;
            var x = ranked.Select((c, r) => new double[]
            {
                c.Score, top - c.Score, c.WordScore * coverage, c.SurfaceMatch, c.BodyMatch, c.Lexical,
                meaning?.Best(c.Target.Key) ?? 0, meaning?.Probability(c.Target.Key) ?? 0, pooled[FirstPassage(c)],
                ranked.Count(o => FirstPassage(o) == FirstPassage(c)) / (double)ranked.Count,
                c.Target.Entry is null ? 0 : 1, r == 0 ? 1 : 0, 1.0 / (r + 1),
            }).ToArray();
            lists.Add((x, [.. ranked.Select(c => Right(item, FirstPassage(c)))]));
        }

        var baseline = lists.Count(l => l.Y.Length > 0 && l.Y[0]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  fused score's first candidate right: {baseline} of {lists.Count} ({baseline / (double)lists.Count:0.000}); right among the {Take}: {lists.Count(l => l.Y.Any(y => y))}"));
        foreach (var l2 in new[] { 0.001, 0.01, 0.1 })
        {
            const int folds = 5, shuffles = 3;
            var right = 0;
            for (var seed = 1; seed <= shuffles; seed++)
            {
                var random = new Random(seed);
                var fold = Enumerable.Range(0, lists.Count).OrderBy(_ => random.Next()).Select((i, k) => (i, k % folds)).ToDictionary(p => p.i, p => p.Item2);
                for (var f = 0; f < folds; f++)
                {
                    var w = Fit([.. lists.Where((_, i) => fold[i] != f)], l2);
                    for (var i = 0; i < lists.Count; i++)
                    {
                        if (fold[i] == f && lists[i].Y.Length > 0)
                        {
                            var pick = Enumerable.Range(0, lists[i].X.Length).MaxBy(k => Dot(w, lists[i].X[k]));
                            right += lists[i].Y[pick] ? 1 : 0;
                        }
                    }
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  learned order (L2 {l2}), out of fold: {right / (double)shuffles:0.0} of {lists.Count} ({right / (double)shuffles / lists.Count:0.000})"));
        }

        var all = Fit(lists, 0.01);
        Console.WriteLine("  weights on all: " + string.Join(", ", all.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture))));
    }

    private static double Dot(double[] w, double[] x)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            s += w[i] * x[i];
        }

        return s;
    }

    /// <summary>Softmax over each list's candidates, toward the right ones, by gradient descent with L2.</summary>
    private static double[] Fit(IReadOnlyList<(double[][] X, bool[] Y)> lists, double l2)
    {
        var usable = lists.Where(l => l.Y.Any(y => y) && l.Y.Length > 1).ToList();
        var d = usable[0].X[0].Length;
        var w = new double[d];
        w[0] = 5; // start from the fused score
        const double rate = 0.5;
        for (var epoch = 0; epoch < 400; epoch++)
        {
            var grad = new double[d];
            foreach (var (x, y) in usable)
            {
                var scores = x.Select(v => Dot(w, v)).ToArray();
                var max = scores.Max();
                var exp = scores.Select(v => Math.Exp(v - max)).ToArray();
                var z = exp.Sum();
                var target = y.Count(v => v);
                for (var k = 0; k < x.Length; k++)
                {
                    var g = (exp[k] / z) - (y[k] ? 1.0 / target : 0);
                    for (var j = 0; j < d; j++)
                    {
                        grad[j] += g * x[k][j];
                    }
                }
            }

            for (var j = 0; j < d; j++)
            {
                w[j] -= rate * ((grad[j] / usable.Count) + (l2 * w[j]));
            }
        }

        return w;
    }
}
