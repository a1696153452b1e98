using System.Globalization;
using CyberCode.Core.Answering;
using CyberCode.Core.Evaluation;
using CyberCode.Core.Knowledge;

namespace CyberCode.Benchmarks;

/// <summary>
/// <c>--tune [CHECK.jsonl]</c>: chooses the ranking weights and the answer threshold by
/// measurement. Our own questions (bench/eval/own.jsonl) are split in two: the even lines choose,
/// the odd lines check. Every setting is run once with the thresholds at zero, so each item's
/// confidence and correctness is known and every threshold can be scored without re-running.
/// An optional further file (e.g. ../shared/eval/dev.jsonl) is only reported, never fitted on.
/// </summary>
internal static class Tune
{
    public static int Run(string[] args)
    {
        var knowledge = KnowledgeLoader.Load(RepoPaths.Knowledge);
        using var engine = AnswerEngine.Create(knowledge);
        var own = Read(Path.Combine(RepoPaths.Root, "bench", "eval", "own.jsonl"));
        var choose = own.Where((_, i) => i % 2 == 0).ToList();
        var check = own.Where((_, i) => i % 2 == 1).ToList();
        var extra = args.SkipWhile(a => a != "--tune").Skip(1).FirstOrDefault(a => !a.StartsWith('-'));

        var results = new List<(Tuning Tuning, double Top1, double Top3, double Abstain)>();
        foreach (var lexical in new[] { 0.0, 0.05, 0.1, 0.15, 0.2, 0.3 })
        foreach (var passage in new[] { 0.65, 0.75, 0.85 })
        foreach (var surface in new[] { 0.5, 0.6, 0.7 })
        foreach (var coverage in new[] { 1.0, 1.5, 2.0 })
        {
            var tuning = new Tuning(surface, 1 - surface, passage, lexical, 0, 0, coverage);
            using var candidate = engine.WithTuning(tuning);
            var outcomes = Evaluator.Run(candidate, choose).Outcomes;
            for (var threshold = 0.3; threshold <= 0.8; threshold += 0.025)
            {
                var (top1, top3, abstain) = Score(outcomes, threshold);
                results.Add((tuning with { AnswerThreshold = Math.Round(threshold, 3) }, top1, top3, abstain));
            }
        }

        // Right answers and right declines count the same; ties go to the better top-3.
        var ranked = results.OrderByDescending(r => r.Top1 + r.Abstain).ThenByDescending(r => r.Top3).ToList();
        Console.WriteLine("Best settings on the choosing half (even lines of own.jsonl):");
        foreach (var r in ranked.Take(10))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Describe(r.Tuning)}  top1={r.Top1:0.000} top3={r.Top3:0.000} abstain={r.Abstain:0.000}"));
        }

        Console.WriteLine();
        Console.WriteLine("Current defaults (Tuning.Default): " + Describe(Tuning.Default));
        Report("choosing half", engine, choose);
        Report("checking half", engine, check);
        if (extra is not null)
        {
            Report(Path.GetFileName(extra), engine, Read(extra));
        }

        HeldOutPhrasings(knowledge);
        return 0;
    }

    /// <summary>
    /// For each curated question, one of its phrasings is taken out of the knowledge and asked:
    /// right when the answer is that entry or starts from the same passage. This measures how
    /// the bot does on a new way of asking, with far more items than our own question set.
    /// </summary>
    private static void HeldOutPhrasings(KnowledgeBase knowledge)
    {
        var random = new Random(7);
        var questions = knowledge.OfKind(EntryKind.Question).Where(e => e.Phrasings.Count >= 3).ToList();
        int right = 0, wrong = 0;
        foreach (var entry in questions)
        {
            var held = entry.Phrasings[random.Next(entry.Phrasings.Count)];
            var reduced = entry with { Phrasings = [.. entry.Phrasings.Where(p => p != held)] };
            var without = new KnowledgeBase(knowledge.Essay, [.. knowledge.Entries.Select(e => e.Id == entry.Id ? reduced : e)], knowledge.Synonyms, knowledge.Filler);
            using var engine = AnswerEngine.Create(without);
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

    private static (double Top1, double Top3, double Abstain) Score(IReadOnlyList<EvalOutcome> outcomes, double threshold)
    {
        var answerable = outcomes.Where(o => !o.IsAbstain).ToList();
        var abstain = outcomes.Where(o => o.IsAbstain).ToList();
        return (
            answerable.Count(o => o.Top1 && o.Answer.Confidence >= threshold) / (double)Math.Max(1, answerable.Count),
            answerable.Count(o => o.Top3 && o.Answer.Confidence >= threshold) / (double)Math.Max(1, answerable.Count),
            abstain.Count(o => o.Answer.Confidence < threshold) / (double)Math.Max(1, abstain.Count));
    }

    private static void Report(string name, AnswerEngine engine, IReadOnlyList<EvalItem> items) =>
        Console.WriteLine($"  {name,-16} {Evaluator.Run(engine, items).Summary}");

    private static string Describe(Tuning t) => string.Create(CultureInfo.InvariantCulture,
        $"surface={t.EntrySurface:0.00} body={t.EntryBody:0.00} passage={t.Passage:0.00} lexical={t.Lexical:0.00} coverage^{t.CoverageExponent:0.0} answer>={t.AnswerThreshold:0.000}");

    private static List<EvalItem> Read(string path)
    {
        using var reader = File.OpenText(path);
        return [.. Evaluator.ReadItems(reader)];
    }
}
