using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;

namespace CyberCode.Benchmarks;

/// <summary>
/// The parts of start-up, each measured warm (JIT done, caches hot) with the normal job, so a
/// change to one part shows up on its own: parsing the essay, loading and validating the
/// knowledge (YAML + quote resolution, which includes a parse), building the Lucene index and
/// the re-ranker's tables, and the whole path to a first answer.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class StartupBenchmarks
{
    private string _essayText = null!;
    private KnowledgeBase _knowledge = null!;

    [GlobalSetup]
    public void Setup()
    {
        _essayText = File.ReadAllText(RepoPaths.EssayFile);
        _knowledge = KnowledgeLoader.Load(RepoPaths.Knowledge);
    }

    [Benchmark(Description = "parse essay")]
    public Essay ParseEssay() => EssayParser.Parse(_essayText);

    [Benchmark(Description = "load+validate")]
    public KnowledgeBase LoadAndValidate() => KnowledgeLoader.Load(RepoPaths.Knowledge);

    [Benchmark(Description = "build engine")]
    public int BuildEngine()
    {
        using var engine = AnswerEngine.Create(_knowledge);
        return engine.Knowledge.Entries.Count;
    }

    [Benchmark(Description = "load→create→ask (warm)")]
    public Answer WholePath() => StartupPath.Run();
}

/// <summary>
/// The whole start-up path, cold-ish: every launch is a new process and every iteration one
/// call with no pilot or warm-up, so the first iteration of each launch carries the JIT and
/// type loading a freshly started bot pays (the Min..Max spread shows it). It does not count
/// the runtime's own start or the host and CLI around it; <c>--startup-process</c> measures that.
/// Target (issue 2): start-up ≤ 1.5 s.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, iterationCount: 5)]
[MinColumn, MaxColumn, MedianColumn]
public class ColdStartupBenchmarks
{
    [Benchmark(Description = "load→create→ask (cold)")]
    public Answer WholePath() => StartupPath.Run();
}

internal static class StartupPath
{
    public const string FirstQuestion = "define cyber sovereignty";

    public static Answer Run()
    {
        using var engine = AnswerEngine.Create(KnowledgeLoader.Load(RepoPaths.Knowledge));
        return engine.Ask(FirstQuestion);
    }
}
