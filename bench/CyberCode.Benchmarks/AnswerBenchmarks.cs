using BenchmarkDotNet.Attributes;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;

namespace CyberCode.Benchmarks;

/// <summary>
/// Answer latency in-process, one representative question per kind. The engine is built once,
/// as the host does at start-up; each benchmark is one <see cref="AnswerEngine.Ask"/> call.
/// Target (issue 2): median ≤ 2 ms for every kind.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnswerBenchmarks
{
    private AnswerEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = AnswerEngine.Create(KnowledgeLoader.Load(RepoPaths.Knowledge));

        // A benchmark of the wrong outcome is worse than none: fail loudly if a question stops
        // landing where it is meant to, instead of timing a decline.
        foreach (var (question, answered) in Expected)
        {
            var answer = _engine.Ask(question);
            if (answer.Answered != answered)
            {
                throw new InvalidOperationException($"\"{question}\" gave {answer.Kind} (answered={answer.Answered}); the benchmark expects answered={answered}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _engine.Dispose();

    [Benchmark(Description = "define")]
    public Answer Define() => _engine.Ask("define cyber sovereignty");

    [Benchmark(Description = "alias")]
    public Answer Alias() => _engine.Ask("what does WCIT stand for");

    [Benchmark(Description = "changes")]
    public Answer Changes() => _engine.Ask("what changed in 2015");

    [Benchmark(Description = "timeline")]
    public Answer Timeline() => _engine.Ask("timeline");

    [Benchmark(Description = "when")]
    public Answer When() => _engine.Ask("what happened in June 2013");

    [Benchmark(Description = "free")]
    public Answer Free() => _engine.Ask("why was a binding treaty impossible");

    [Benchmark(Description = "paraphrase+typo")]
    public Answer ParaphraseWithTypo() => _engine.Ask("whats the deal with snowdon");

    [Benchmark(Description = "decline")]
    public Answer Decline() => _engine.Ask("what is the recipe for pancakes");

    [Benchmark(Description = "source")]
    public Answer Source() => _engine.Ask("source II.5");

    [Benchmark(Description = "search")]
    public Answer Search() => _engine.Ask("search human rights");

    private static readonly (string Question, bool Answered)[] Expected =
    [
        ("define cyber sovereignty", true),
        ("what does WCIT stand for", true),
        ("what changed in 2015", true),
        ("timeline", true),
        ("what happened in June 2013", true),
        ("why was a binding treaty impossible", true),
        ("whats the deal with snowdon", true),
        ("what is the recipe for pancakes", false),
        ("source II.5", true),
        ("search human rights", true),
    ];
}
