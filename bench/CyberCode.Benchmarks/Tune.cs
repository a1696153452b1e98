using System.Globalization;
using CyberCode.Core.Answering;
using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Evaluation;
using CyberCode.Core.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CyberCode.Benchmarks;

/// <summary>
/// <c>--tune</c>: chooses the ranking and fusion weights and both thresholds by measurement.
/// Our own questions in bench/eval/own.jsonl and tune.jsonl choose; bench/eval/holdout.jsonl,
/// holdout2.jsonl and holdout3.jsonl, written from the essay alone without looking at the knowledge
/// or the bot, check; and
/// ../shared/eval/dev.jsonl, when present, is only reported, never fitted on. Every setting is run
/// once with the thresholds at zero, so each item's confidence and correctness is known and every
/// threshold can be scored without re-running.
/// </summary>
internal static class Tune
{
    /// <summary>Issue 3's bar for the share of unanswerable questions declined.</summary>
    private const double AbstainBar = 0.90;

    /// <summary>
    /// The embedder to tune with: the service's own (<see cref="MiniLmEmbedder.For"/>) unless
    /// <c>--pooling</c> names another way of pooling the model's word-piece vectors: <c>plain</c>
    /// (the package's mean), <c>idf:S</c> or <c>sif:A</c> counted on every embedded knowledge
    /// text, or on the essay's sentences alone with <c>idf:S:essay</c>, <c>sif:A:essay</c>.
    /// </summary>
    private static MiniLmEmbedder Embedder(KnowledgeBase knowledge, string[] args)
    {
        var pooling = Array.IndexOf(args, "--pooling") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        if (pooling is null)
        {
            return MiniLmEmbedder.For(knowledge);
        }

        if (pooling == "plain")
        {
            return new MiniLmEmbedder();
        }

        var parts = pooling.Split(':');
        var strength = double.Parse(parts[1], CultureInfo.InvariantCulture);
        var texts = SemanticIndex.TextsOf(knowledge);
        var corpus = parts.Length > 2 && parts[2] == "essay"
            ? texts.Where(t => t.TargetKey.StartsWith("p:", StringComparison.Ordinal)).Select(t => t.Text).ToList()
            : texts.Select(t => t.Text).ToList();
        Func<IReadOnlyList<long[]>, TokenWeights> scheme = parts[0] switch
        {
            "sif" => c => TokenWeights.SmoothInverseFrequency(c, strength),
            "idf" => c => TokenWeights.InverseDocumentFrequency(c, strength),
            _ => throw new ArgumentException($"--pooling {pooling}: expected plain, idf:S[:essay] or sif:A[:essay]."),
        };
        return new MiniLmEmbedder(corpus, scheme);
    }

    public static int Run(string[] args)
    {
        var knowledge = KnowledgeLoader.Load(RepoPaths.Knowledge);
        using var embedder = new SharedEmbedder(Embedder(knowledge, args));
        Console.WriteLine("Embedder: " + embedder.Model);
        var cache = new MemoryEmbeddingCache();
        using var matcher = Matcher(knowledge, embedder, cache);
        using var engine = AnswerEngine.Create(knowledge, matcher);
        // tune2.jsonl (160 questions written blind from the essay, 2026-11-27) joined the choosing
        // set when holdout3 showed that questions written that way are further from the knowledge's
        // phrasings than own.jsonl and tune.jsonl, and answered far worse.
        var choose = new[] { "own.jsonl", "tune.jsonl", "tune2.jsonl" }
            .Select(f => Path.Combine(RepoPaths.Root, "bench", "eval", f))
            .Where(File.Exists)
            .SelectMany(Read)
            .ToList();
        var holdout = Path.Combine(RepoPaths.Root, "bench", "eval", "holdout.jsonl");
        var holdout2 = Path.Combine(RepoPaths.Root, "bench", "eval", "holdout2.jsonl");
        var holdout3 = Path.Combine(RepoPaths.Root, "bench", "eval", "holdout3.jsonl");
        var dev = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "eval", "dev.jsonl"));
        var quick = args.Contains("--quick");
        if (args.Contains("--closeness"))
        {
            Closeness(knowledge, embedder, [("own", Path.Combine(RepoPaths.Root, "bench", "eval", "own.jsonl")), ("tune", Path.Combine(RepoPaths.Root, "bench", "eval", "tune.jsonl")), ("holdout", holdout), ("holdout2", holdout2), ("holdout3", holdout3), ("dev", dev)]);
            return 0;
        }

        if (Array.IndexOf(args, "--classifier") is var classifierAt and >= 0)
        {
            ClassifierCheck.Run(classifierAt + 1 < args.Length ? args[classifierAt + 1] : null, knowledge, embedder, cache, choose);
            return 0;
        }

        // The grid: every value below, or the defaults alone with --quick; any dimension can be
        // given instead (--semantic-weights 0.4,0.5 --floors 0.2 --ceilings 0.9 --coverages 1
        // --classifier-weights 0.2,0.3,0.5).
        double[] Grid(string flag, double[] full, double current) =>
            Array.IndexOf(args, flag) is var at and >= 0 && at + 1 < args.Length
                ? args[at + 1].Split(',').Select(w => double.Parse(w, CultureInfo.InvariantCulture)).ToArray()
                : quick ? [current] : full;
        if (Array.IndexOf(args, "--dump") is var dumpAt and >= 0 && dumpAt + 1 < args.Length)
        {
            Dump(engine, choose, args[dumpAt + 1]);
            return 0;
        }

        // For each way of fusing words and meaning, fit the confidence model and its thresholds on
        // the choosing set; keep the fusion whose fitted model scores best there.
        var results = new List<(Tuning Tuning, IReadOnlyList<EvalOutcome> Outcomes, double Top1, double Top3, double Abstain)>();
        foreach (var semantic in Grid("--semantic-weights", [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7], Tuning.Default.SemanticWeight))
        foreach (var floor in Grid("--floors", [0.2, 0.3], Tuning.Default.SemanticFloor))
        foreach (var ceiling in Grid("--ceilings", [0.7, 0.8, 0.9], Tuning.Default.SemanticCeiling))
        foreach (var coverage in Grid("--coverages", [1.0, 1.5], Tuning.Default.CoverageExponent))
        foreach (var classifierWeight in Grid("--classifier-weights", [Tuning.Default.ClassifierWeight], Tuning.Default.ClassifierWeight))
        {
            var fusion = Tuning.Default with
            {
                CoverageExponent = coverage, SemanticWeight = semantic, SemanticFloor = floor, SemanticCeiling = ceiling, ClassifierWeight = classifierWeight,
                CalibratedAnswerThreshold = 0, CalibratedSuggestThreshold = 0,
            };
            using var candidate = engine.WithTuning(fusion);
            var outcomes = Evaluator.Run(candidate, choose).Outcomes;
            if (args.Contains("--ranking"))
            {
                // What this fusion's ranking alone reaches, answering everything.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  ranking alone: {Describe(fusion)}  top1={outcomes.Count(o => o.Top1) / (double)Math.Max(1, outcomes.Count(o => !o.IsAbstain)):0.000}"));
            }

            var calibration = Fit(outcomes);
            var probabilities = args.Contains("--in-sample")
                ? outcomes.Select(o => o.Answer.Features is { } f ? calibration.Probability(f) : o.Answer.Confidence).ToArray()
                : OutOfFold(outcomes);
            for (var threshold = 0.2; threshold <= 0.9; threshold += 0.025)
            {
                var (top1, top3, abstain) = Score(outcomes, probabilities, threshold);
                results.Add((fusion with { Calibration = calibration, CalibratedAnswerThreshold = Math.Round(threshold, 3) }, outcomes, top1, top3, abstain));
            }
        }

        // Issue 3's bars are top1 >= 0.95, top3 >= 0.99 and abstain >= 0.90. Declining is the
        // cheap way to look careful, so the abstain bar is a constraint, not a goal: among the
        // settings that decline at least 0.90 of the choosing set's unanswerable questions, the one
        // that answers most right (top1 + top3) wins, ties to the better abstain. Only when no
        // setting reaches the bar do right answers and right declines count the same.
        var meetAbstain = results.Where(r => r.Abstain >= AbstainBar).ToList();
        var ranked = meetAbstain.Count > 0
            ? meetAbstain.OrderByDescending(r => r.Top1 + r.Top3).ThenByDescending(r => r.Abstain).ToList()
            : results.OrderByDescending(r => r.Top1 + r.Abstain).ThenByDescending(r => r.Top3).ToList();
        Console.WriteLine("Best settings on the choosing set (own.jsonl + tune.jsonl + tune2.jsonl):");
        foreach (var r in ranked.Take(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Describe(r.Tuning)}  top1={r.Top1:0.000} top3={r.Top3:0.000} abstain={r.Abstain:0.000}"));
        }

        var best = ranked[0];
        var c = best.Tuning.Calibration;
        var bestProbabilities = args.Contains("--in-sample")
            ? best.Outcomes.Select(o => o.Answer.Features is { } f ? c.Probability(f) : o.Answer.Confidence).ToArray()
            : OutOfFold(best.Outcomes);
        var suggestFrom = SuggestThreshold(best.Outcomes, bestProbabilities, best.Tuning.CalibratedAnswerThreshold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  calibration: {c}; suggestions from {suggestFrom:0.000}"));

        // The pick, as it would ship, on the checks: reported only, never used to choose.
        using (var pick = engine.WithTuning(best.Tuning with { CalibratedSuggestThreshold = Math.Round(suggestFrom, 3) }))
        {
            if (File.Exists(holdout))
            {
                Report("  the pick on holdout (check)", pick, Read(holdout));
            }

            if (File.Exists(holdout2))
            {
                Report("  the pick on holdout2 (check)", pick, Read(holdout2));
            }

            if (File.Exists(holdout3))
            {
                Report("  the pick on holdout3 (check)", pick, Read(holdout3));
            }

            if (File.Exists(dev))
            {
                Report("  the pick on dev (check)", pick, Read(dev));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Current defaults (Tuning.Default): " + Describe(Tuning.Default));
        // What ranking alone could reach if the bot answered everything (no abstaining).
        using (var always = engine.WithTuning(Tuning.Default with { AnswerThreshold = 0, SuggestThreshold = 0, CalibratedAnswerThreshold = 0, CalibratedSuggestThreshold = 0 }))
        {
            Report("choosing set, always answering", always, choose, args.Contains("--ranking-misses"));
            if (File.Exists(holdout))
            {
                Report("holdout, always answering", always, Read(holdout));
            }

            if (File.Exists(holdout2))
            {
                Report("holdout2, always answering", always, Read(holdout2));
            }

            if (File.Exists(holdout3))
            {
                Report("holdout3, always answering", always, Read(holdout3));
            }
        }

        var misses = args.Contains("--misses");
        Report("choosing set (own + tune + tune2)", engine, choose, misses);
        if (File.Exists(holdout))
        {
            Report("holdout (check)", engine, Read(holdout), misses && args.Contains("--holdout-misses"));
        }

        if (File.Exists(holdout2))
        {
            Report("holdout2 (check)", engine, Read(holdout2));
        }

        if (File.Exists(holdout3))
        {
            Report("holdout3 (check)", engine, Read(holdout3));
        }

        if (File.Exists(dev))
        {
            Report("dev (check)", engine, Read(dev));
        }

        if (args.Contains("--held-out-phrasings"))
        {
            HeldOutPhrasings(knowledge, embedder, cache);
        }

        return 0;
    }

    /// <summary>
    /// The "did you mean" threshold: below the answer threshold, suggestions help a person whose
    /// question the bot half understood and only distract one it cannot help. Chosen where the
    /// answerable questions that would get suggestions most outnumber the unanswerable ones.
    /// </summary>
    private static double SuggestThreshold(IReadOnlyList<EvalOutcome> outcomes, double[] p, double answer)
    {
        var below = Enumerable.Range(0, outcomes.Count).Where(i => outcomes[i].Answer.Features is not null && p[i] < answer).ToList();
        return Enumerable.Range(0, (int)(answer / 0.025))
            .Select(i => i * 0.025)
            .OrderByDescending(t => below.Count(i => !outcomes[i].IsAbstain && outcomes[i].Top3 && p[i] >= t) - (2 * below.Count(i => outcomes[i].IsAbstain && p[i] >= t)))
            .ThenByDescending(t => t)
            .First();
    }

    private static SemanticMatcher Matcher(KnowledgeBase knowledge, ISentenceEmbedder embedder, IEmbeddingCache cache)
    {
        var matcher = new SemanticMatcher(Options.Create(new SemanticOptions()), knowledge, cache, NullLogger<SemanticMatcher>.Instance, () => embedder);
        matcher.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
        return matcher.State == SemanticState.Ready ? matcher : throw new InvalidOperationException("The semantic model did not load.");
    }

    /// <summary>
    /// For each curated question, one of its phrasings is taken out of the knowledge and asked:
    /// right when the answer is that entry or starts from the same passage. This measures how
    /// the bot does on a new way of asking, with far more items than our own question set.
    /// </summary>
    private static void HeldOutPhrasings(KnowledgeBase knowledge, ISentenceEmbedder embedder, IEmbeddingCache cache)
    {
        var random = new Random(7);
        var questions = knowledge.OfKind(EntryKind.Question).Where(e => e.Phrasings.Count >= 3).ToList();
        int right = 0, wrong = 0;
        foreach (var entry in questions)
        {
            var held = entry.Phrasings[random.Next(entry.Phrasings.Count)];
            var reduced = entry with { Phrasings = [.. entry.Phrasings.Where(p => p != held)] };
            var without = new KnowledgeBase(knowledge.Essay, [.. knowledge.Entries.Select(e => e.Id == entry.Id ? reduced : e)], knowledge.Synonyms, knowledge.Filler);
            using var matcher = Matcher(without, embedder, cache);
            using var engine = AnswerEngine.Create(without, matcher);
            var answer = engine.Ask(held);
            if (answer.Answered && (answer.EntryId == entry.Id || answer.Citations[0].PassageId == entry.Citations[0].PassageId))
            {
                right++;
            }
            else if (answer.Answered)
            {
                wrong++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  held-out phrasings: n={questions.Count} right={right / (double)questions.Count:0.000} answered-elsewhere={wrong / (double)questions.Count:0.000}"));
    }

    private static (double Top1, double Top3, double Abstain) Score(IReadOnlyList<EvalOutcome> outcomes, double[] p, double threshold)
    {
        // Answers that do not come from ranking (an exact glossary term, a command) are always given.
        bool Given(int i) => outcomes[i].Answer.Features is null ? outcomes[i].Answer.Answered : p[i] >= threshold;
        var answerable = Enumerable.Range(0, outcomes.Count).Where(i => !outcomes[i].IsAbstain).ToList();
        var abstain = Enumerable.Range(0, outcomes.Count).Where(i => outcomes[i].IsAbstain).ToList();
        return (
            answerable.Count(i => outcomes[i].Top1 && Given(i)) / (double)Math.Max(1, answerable.Count),
            answerable.Count(i => outcomes[i].Top3 && Given(i)) / (double)Math.Max(1, answerable.Count),
            abstain.Count(i => !Given(i)) / (double)Math.Max(1, abstain.Count));
    }

    /// <summary>
    /// Each question's probability from a confidence model fitted without it (5 folds, averaged
    /// over 3 shuffles), so the thresholds are chosen on questions the model did not learn from, as
    /// they will meet new questions. Chosen in-sample, the answer threshold sat just where the
    /// fitted model declined 0.90 of the choosing set's unanswerable questions, and on new ones it
    /// declined fewer (holdout 0.821). <c>--in-sample</c> restores the old way, for comparison.
    /// </summary>
    private static double[] OutOfFold(IReadOnlyList<EvalOutcome> outcomes)
    {
        const int folds = 5, shuffles = 3;
        var sum = new double[outcomes.Count];
        for (var seed = 1; seed <= shuffles; seed++)
        {
            var random = new Random(seed);
            var fold = Enumerable.Range(0, outcomes.Count).OrderBy(_ => random.Next()).Select((i, k) => (i, k % folds)).ToDictionary(x => x.i, x => x.Item2);
            for (var f = 0; f < folds; f++)
            {
                var model = Fit([.. outcomes.Where((_, i) => fold[i] != f)]);
                for (var i = 0; i < outcomes.Count; i++)
                {
                    if (fold[i] == f)
                    {
                        sum[i] += outcomes[i].Answer.Features is { } x ? model.Probability(x) : outcomes[i].Answer.Confidence;
                    }
                }
            }
        }

        return [.. sum.Select(p => p / shuffles)];
    }

    /// <summary>
    /// Logistic regression of "the first citation is right" on the confidence features, by
    /// gradient descent with a little L2 (the features are all 0..1, so no scaling is needed).
    /// </summary>
    private static Calibration Fit(IReadOnlyList<EvalOutcome> outcomes)
    {
        var data = outcomes.Where(o => o.Answer.Features is not null)
            .Select(o => (X: o.Answer.Features!.ToArray(), Y: o.Top1 ? 1.0 : 0.0)).ToList();
        const int n = ConfidenceFeatures.Count;
        var w = new double[n + 1];
        const double rate = 0.5, l2 = 0.001;
        for (var step = 0; step < 4000; step++)
        {
            var gradient = new double[n + 1];
            foreach (var (x, y) in data)
            {
                var z = w[0];
                for (var j = 0; j < n; j++)
                {
                    z += w[j + 1] * x[j];
                }

                var error = (1 / (1 + Math.Exp(-z))) - y;
                gradient[0] += error;
                for (var j = 0; j < n; j++)
                {
                    gradient[j + 1] += error * x[j];
                }
            }

            for (var j = 0; j <= n; j++)
            {
                w[j] -= rate * ((gradient[j] / data.Count) + (j > 0 ? l2 * w[j] : 0));
            }
        }

        return new Calibration(w[0], w[1..]);
    }

    private static void Report(string name, AnswerEngine engine, IReadOnlyList<EvalItem> items, bool misses = false)
    {
        var report = Evaluator.Run(engine, items);
        Console.WriteLine($"  {name,-16} {report.Summary}");
        foreach (var o in report.Outcomes.Where(o => misses && !(o.IsAbstain ? o.Declined : o.Top1)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {(o.IsAbstain ? "ANSWERED" : o.Top3 ? "top3" : o.Answer.Answered ? "WRONG" : "declined")} {o.Item.Id} [{o.Item.Type}] {o.Item.Question} -> {o.Answer.Kind} {o.Answer.EntryId} {o.Answer.Confidence:0.00} [{string.Join(", ", o.Answer.Citations.Take(3).Select(c => c.PassageId))}]"));
        }
    }

    /// <summary>
    /// <c>--dump FILE</c>: the choosing set's confidence features and outcomes under the current
    /// fusion, answering everything, as CSV, for trying other confidence models outside the tool.
    /// </summary>
    private static void Dump(AnswerEngine engine, IReadOnlyList<EvalItem> items, string path)
    {
        using var always = engine.WithTuning(Tuning.Default with { CalibratedAnswerThreshold = 0, CalibratedSuggestThreshold = 0 });
        var outcomes = Evaluator.Run(always, items).Outcomes;
        using var writer = File.CreateText(path);
        writer.WriteLine("id,type,abstain,ranked,answered,top1,top3," + string.Join(",", ConfidenceFeatures.Names));
        foreach (var o in outcomes)
        {
            var f = o.Answer.Features?.ToArray() ?? new double[ConfidenceFeatures.Count];
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{o.Item.Id},{o.Item.Type},{(o.IsAbstain ? 1 : 0)},{(o.Answer.Features is null ? 0 : 1)},{(o.Answer.Answered ? 1 : 0)},{(o.Top1 ? 1 : 0)},{(o.Top3 ? 1 : 0)},{string.Join(",", f.Select(x => x.ToString("0.0000", CultureInfo.InvariantCulture)))}"));
        }

        Console.WriteLine($"{outcomes.Count} rows -> {path}");
    }

    private static string Describe(Tuning t) => string.Create(CultureInfo.InvariantCulture,
        $"semantic={t.SemanticWeight:0.00} cos {t.SemanticFloor:0.0}..{t.SemanticCeiling:0.0} classifier={t.ClassifierWeight:0.00} coverage^{t.CoverageExponent:0.0} p>={t.CalibratedAnswerThreshold:0.000} suggest>={t.CalibratedSuggestThreshold:0.000}");

    /// <summary>
    /// <c>--closeness</c>: how near each set's answerable questions come to the knowledge's
    /// phrasings (each question's best cosine with one way of asking for an entry), as aggregates
    /// only, so a check's questions are never printed. A choosing set much nearer than the checks
    /// would mean phrasings were written for its questions.
    /// </summary>
    private static void Closeness(KnowledgeBase knowledge, ISentenceEmbedder embedder, (string Name, string Path)[] sets)
    {
        var surfaces = SemanticIndex.TextsOf(knowledge).Where(t => t.Role == SemanticRole.Surface).Select(t => t.Text).ToList();
        var normalized = surfaces.Select(Evaluator.Normalize).ToHashSet(StringComparer.Ordinal);
        var phrasings = embedder.Embed(surfaces, CancellationToken.None);
        foreach (var (name, path) in sets.Where(s => File.Exists(s.Path)))
        {
            var items = Read(path).Where(i => i.Gold.Count > 0).ToList();
            var questions = embedder.Embed([.. items.Select(i => i.Question)], CancellationToken.None);
            var closest = questions.Select(q => phrasings.Max(v => System.Numerics.Tensors.TensorPrimitives.Dot(q, v))).ToList();
            double Share(Func<double, bool> test) => closest.Count(c => test(c)) / (double)items.Count;
            var verbatim = items.Count(i => normalized.Contains(Evaluator.Normalize(i.Question))) / (double)items.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: answerable {items.Count}, best cosine with a phrasing: mean {closest.Average():0.000}, >= 0.95 {Share(c => c >= 0.95):0.000}, >= 0.85 {Share(c => c >= 0.85):0.000}, >= 0.75 {Share(c => c >= 0.75):0.000}; verbatim {verbatim:0.000}"));
        }
    }

    private static List<EvalItem> Read(string path)
    {
        using var reader = File.OpenText(path);
        return [.. Evaluator.ReadItems(reader)];
    }
}

/// <summary>One loaded model for many matchers: disposing a matcher leaves it loaded.</summary>
internal sealed class SharedEmbedder(ISentenceEmbedder inner) : ISentenceEmbedder
{
    public string Model => inner.Model;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken) => inner.Embed(texts, cancellationToken);

    void IDisposable.Dispose()
    {
    }

    public void Dispose() => inner.Dispose();
}
