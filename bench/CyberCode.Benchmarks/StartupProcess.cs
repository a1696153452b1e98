using System.Diagnostics;
using System.Globalization;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CyberCode.Benchmarks;

/// <summary>
/// <c>--startup-process</c>: what a user waits for. Starts <c>dotnet cybercode.dll ask "…"</c>
/// as a new process N times and reports the wall-clock median and max, next to a bare
/// <c>--help</c> (runtime and CLI start, no knowledge) so the difference is ours. First, while
/// this process is still fresh, it times each start-up stage cold in-process, to show which one
/// dominates. BenchmarkDotNet cannot do either: it measures methods, not process launches.
/// </summary>
internal static class StartupProcess
{
    private const double TargetMs = 1500;
    private const string Question = StartupPath.FirstQuestion;

    /// <summary>The hidden child mode: one cold load→create→ask, its milliseconds on standard output.</summary>
    public const string OnceFlag = "--startup-once";

    public static int Once()
    {
        var sw = Stopwatch.StartNew();
        var answer = StartupPath.Run();
        var elapsed = sw.Elapsed.TotalMilliseconds;
        if (!answer.Answered)
        {
            Console.Error.WriteLine($"\"{Question}\" was not answered ({answer.Kind}).");
            return 1;
        }

        Console.WriteLine(elapsed.ToString("F1", CultureInfo.InvariantCulture));
        return 0;
    }

    public static int Run(IReadOnlyList<string> args)
    {
        var runs = ReadRuns(args);
        Console.WriteLine($"CyberCode start-up — {RuntimeInfo()}");
        Console.WriteLine(LoadWarning());
        Console.WriteLine();

        ColdStages();

        Console.WriteLine();
        Console.WriteLine($"In-process whole path in a fresh process each time (load→create→first ask, no runtime/host start; {runs} runs):");
        var self = typeof(StartupProcess).Assembly.Location;
        var whole = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            whole.Add(double.Parse(Launch(self, [OnceFlag]).Output.Trim(), CultureInfo.InvariantCulture));
        }

        Report("load→create→ask, cold", whole);

        var dll = EnsureBuilt();
        Console.WriteLine();
        Console.WriteLine($"Cold process: dotnet {Path.GetRelativePath(RepoPaths.Root, dll)} …  ({runs} runs each, working directory = repo root)");

        // One unmeasured start first, so the numbers do not depend on whether the build just
        // left the files in the page cache; it is reported, not hidden.
        var first = Launch(dll, ["ask", Question]).Milliseconds;
        Console.WriteLine($"  first launch (not counted)      {first,8:F0} ms");

        var help = Measure(dll, ["--help"], runs);
        var ask = Measure(dll, ["ask", Question], runs);
        Report("--help (runtime + CLI only)", help);
        Report($"ask \"{Question}\"", ask);
        Console.WriteLine($"  ⇒ knowledge load + index + host ≈ {Median(ask) - Median(help):F0} ms of the ask median");

        var verdict = Median(ask) <= TargetMs ? "meets" : "MISSES";
        Console.WriteLine();
        Console.WriteLine($"Cold process start to first answer: median {Median(ask):F0} ms, max {ask.Max():F0} ms — {verdict} the {TargetMs:F0} ms target.");
        Console.WriteLine(LoadWarning());
        return 0;
    }

    /// <summary>
    /// Each stage once, in the order start-up runs them, in this fresh process: the first call
    /// of each pays JIT and type loading; the warm repeat shows what is left without them.
    /// </summary>
    private static void ColdStages()
    {
        Console.WriteLine("In-process stages (this process, first call = cold; then = median of the next 5 calls, still mostly tier-0 JIT):");
        var essayText = File.ReadAllText(RepoPaths.EssayFile);

        Stage("parse essay", () => EssayParser.Parse(essayText));
        Stage("YAML deserializer build (as the loader does)", () => new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build());
        var knowledge = Stage("load+validate (YAML, quotes; parse warm)", () => KnowledgeLoader.Load(RepoPaths.Knowledge));
        Stage("Lucene analyzer: create + analyse one sentence", () =>
        {
            using var analyzer = new TextAnalyzer();
            return analyzer.Stems("The evolution of the International Code of Conduct for Information Security");
        });

        // The index builder analyses every text twice (its own stem pass, then Lucene's writer);
        // one pass here tells analysis apart from the rest of the build.
        var texts = knowledge.Entries
            .SelectMany(e => e.Phrasings.Prepend(e.Title).Append(e.Text).Concat(e.Citations.Select(c => c.Quote)))
            .Concat(knowledge.Essay.Passages.Select(p => p.Text))
            .ToArray();
        Stage($"analyse all {texts.Length} entry/passage texts once (build does ×2)", () =>
        {
            using var analyzer = new TextAnalyzer();
            return texts.Sum(t => analyzer.Stems(t).Count);
        });
        var engine = Stage("build engine (index + ranker tables)", () => AnswerEngine.Create(knowledge), dispose: true);
        using (engine)
        {
            Stage($"first ask \"{Question}\"", () => engine.Ask(Question));
            foreach (var question in new[] { "what changed in 2015", "whats the deal with snowdon", "what is the recipe for pancakes", "search human rights" })
            {
                Stage($"first ask \"{question}\"", () => engine.Ask(question));
            }
        }
    }

    private static T Stage<T>(string name, Func<T> action, bool dispose = false)
    {
        var sw = Stopwatch.StartNew();
        var cpu = ThreadCpu.Milliseconds();
        var result = action();
        var cold = sw.Elapsed.TotalMilliseconds;
        var coldCpu = ThreadCpu.Milliseconds() - cpu;

        var warm = new List<double>();
        var warmCpu = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            sw.Restart();
            cpu = ThreadCpu.Milliseconds();
            var again = action();
            warm.Add(sw.Elapsed.TotalMilliseconds);
            warmCpu.Add(ThreadCpu.Milliseconds() - cpu);
            if (dispose)
            {
                (again as IDisposable)?.Dispose();
            }
        }

        // The thread's own CPU time besides the wall clock: on a busy machine the wall clock
        // measures the other work, the CPU time hardly moves with it.
        Console.WriteLine($"  {name,-58} cold {cold,8:F1} ms   then {Median(warm),7:F2} ms   (CPU of this thread: cold {coldCpu,7:F1} ms, then {Median(warmCpu),7:F2} ms)");
        return result;
    }

    private static List<double> Measure(string dll, string[] arguments, int runs)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            times.Add(Launch(dll, arguments).Milliseconds);
        }

        return times;
    }

    private static (double Milliseconds, string Output) Launch(string dll, string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);

        // Issue 2's measure: load, validate, index and answer by words. The semantic model's own
        // start (about a second with cached vectors) is measured by bench/CyberCode.Load --startup.
        info.Environment["Answering__Semantic__Enabled"] = "false";
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var sw = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var elapsed = sw.Elapsed.TotalMilliseconds;

        if (process.ExitCode != 0 || stdout.Result.Length == 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', info.ArgumentList)} exited {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }

        return (elapsed, stdout.Result);
    }

    private static void Report(string what, List<double> times)
    {
        var all = string.Join(" ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)));
        Console.WriteLine($"  {what,-32} median {Median(times),6:F0} ms   max {times.Max(),6:F0} ms   min {times.Min(),6:F0} ms   [{all}]");
    }

    /// <summary>The Release build of the bot; built when it is missing or older than its sources.</summary>
    private static string EnsureBuilt()
    {
        var project = Path.Combine(RepoPaths.Root, "src", "CyberCode.Bot");
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "cybercode.dll");
        var reason = !File.Exists(dll) ? "missing" : IsStale(dll) ? "older than its sources" : null;
        if (reason is null)
        {
            return dll;
        }

        Console.WriteLine();
        Console.WriteLine($"{Path.GetRelativePath(RepoPaths.Root, dll)} is {reason}: dotnet build -c Release src/CyberCode.Bot");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, UseShellExecute = false };
        foreach (var argument in new[] { "build", "-c", "Release", project, "-nologo", "-v", "q" })
        {
            info.ArgumentList.Add(argument);
        }

        using var build = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet build");
        build.WaitForExit();
        if (build.ExitCode == 0 && File.Exists(dll))
        {
            return dll;
        }

        if (File.Exists(dll))
        {
            // The sources are mid-edit; the last good build still says something about start-up.
            Console.WriteLine($"!! The build failed (exit {build.ExitCode}); measuring the previous build of {File.GetLastWriteTime(dll):yyyy-MM-dd HH:mm:ss}, which does not include the latest changes.");
            return dll;
        }

        throw new InvalidOperationException($"dotnet build -c Release src/CyberCode.Bot failed (exit {build.ExitCode}) and there is no earlier build to measure.");
    }

    private static bool IsStale(string dll)
    {
        var built = File.GetLastWriteTimeUtc(dll);
        var inputs = new[] { "CyberCode.Core", "CyberCode.Storage", "CyberCode.Bot" }
            .Select(p => Path.Combine(RepoPaths.Root, "src", p))
            .Where(Directory.Exists)
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(RepoPaths.Knowledge, "*", SearchOption.AllDirectories))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "appsettings.json" }.Select(f => Path.Combine(RepoPaths.Root, f)).Where(File.Exists));
        return inputs.Any(f => File.GetLastWriteTimeUtc(f) > built);
    }

    private static int ReadRuns(IReadOnlyList<string> args)
    {
        var at = args.ToList().IndexOf("--runs");
        return at >= 0 && at + 1 < args.Count && int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 10;
    }

    /// <summary>
    /// Start-up times on a small machine double when something else runs (a test run, a build),
    /// so the load average is printed with the figures rather than left to be guessed.
    /// </summary>
    private static string LoadWarning()
    {
        const string LoadAvg = "/proc/loadavg";
        if (!File.Exists(LoadAvg))
        {
            return string.Empty;
        }

        var parts = File.ReadAllText(LoadAvg).Split(' ');
        var oneMinute = double.Parse(parts[0], CultureInfo.InvariantCulture);
        var busy = oneMinute > Environment.ProcessorCount * 0.75;
        return $"Load average (1, 5, 15 min): {parts[0]} {parts[1]} {parts[2]} on {Environment.ProcessorCount} cores"
            + (busy ? " — the machine was busy; these figures are pessimistic, run again when it is idle." : ".");
    }

    private static string RuntimeInfo() =>
        $".NET {Environment.Version}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}"
        + (Debugger.IsAttached ? ", DEBUGGER ATTACHED" : string.Empty)
#if DEBUG
        + ", DEBUG BUILD of the benchmarks (stage timings are not representative; use -c Release)"
#endif
        ;

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
