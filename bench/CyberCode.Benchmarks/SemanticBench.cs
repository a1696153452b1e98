using System.Diagnostics;
using System.Globalization;
using CyberCode.Core.Answering;
using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Evaluation;
using CyberCode.Core.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CyberCode.Benchmarks;

/// <summary>
/// Issue 3's answer-time target, measured outside the test suite:
/// <c>--semantic-latency</c>: answer time with semantic matching over every question of our own
/// sets (each asked cold: its vector is computed, not cached), one caller and two at once; and the
/// process's resident memory with the model loaded.
/// The service's start to its first answer is measured by <c>bench/CyberCode.Load --startup</c>.
/// </summary>
internal static class SemanticBench
{
    private const double LatencyTargetMs = 30;

    public static int Latency()
    {
        var before = Process.GetCurrentProcess().WorkingSet64;
        var knowledge = KnowledgeLoader.Load(RepoPaths.Knowledge);
        var load = Stopwatch.StartNew();
        using var matcher = new SemanticMatcher(Options.Create(new SemanticOptions()), knowledge, new MemoryEmbeddingCache(), NullLogger<SemanticMatcher>.Instance);
        matcher.WaitAsync(CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"model and vectors ready in {load.ElapsedMilliseconds} ms (no cache: every text embedded); state {matcher.State}");
        using var engine = AnswerEngine.Create(knowledge, matcher);
        var questions = new[] { "own.jsonl", "tune.jsonl", "holdout.jsonl" }
            .Select(f => Path.Combine(RepoPaths.Root, "bench", "eval", f)).Where(File.Exists)
            .SelectMany(f => Evaluator.ReadItems(File.OpenText(f))).Select(i => i.Question).ToArray();

        // Warm the code paths, then time every question cold (vectors forgotten).
        foreach (var q in questions.Take(100))
        {
            engine.Ask(q);
        }

        engine.ForgetQuestions();
        GC.Collect();
        var rss = Process.GetCurrentProcess().WorkingSet64;
        var one = Time(engine, questions, parallel: 1);
        engine.ForgetQuestions();
        var two = Time(engine, questions, parallel: 2);
        Console.WriteLine($"{questions.Length} questions, each embedded anew ({RuntimeInfo()}):");
        Show("1 caller ", one);
        Show("2 callers", two);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"resident memory: {rss / 1048576.0:F0} MiB with the model and the index loaded (process before loading: {before / 1048576.0:F0} MiB)"));
        var p99 = Percentile(one, 0.99);
        Console.WriteLine($"p99 {p99:F1} ms — {(p99 <= LatencyTargetMs ? "meets" : "MISSES")} the {LatencyTargetMs:F0} ms target.");
        return 0;
    }

    private static List<double> Time(AnswerEngine engine, string[] questions, int parallel)
    {
        var times = new List<double>(questions.Length);
        Parallel.ForEach(questions, new ParallelOptions { MaxDegreeOfParallelism = parallel }, q =>
        {
            var started = Stopwatch.GetTimestamp();
            engine.Ask(q);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (times)
            {
                times.Add(ms);
            }
        });
        return times;
    }

    private static void Show(string label, List<double> times) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}  median {Percentile(times, 0.5):F1} ms   p95 {Percentile(times, 0.95):F1} ms   p99 {Percentile(times, 0.99):F1} ms   max {times.Max():F1} ms"));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string RuntimeInfo() => $"{Environment.ProcessorCount} cores, .NET {Environment.Version}";
}
