using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CyberCode.Load;

/// <summary>
/// <c>--startup [--runs N] [--semantic on|off] [--service PATH]… [--no-publish]</c>: a fresh <c>cybercode serve</c>
/// process, from launch to its first answer of <c>POST /api/ask</c> (issue 3's start-up target: the
/// semantic model may still be loading then), and when the model has settled. Every run uses one
/// database, so run 0 computes the vectors (not counted) and the others start as a restart does.
/// By default it measures the plain build beside this tool and the published one (<see cref="Published"/>);
/// with several <c>--service</c> builds (a <c>cybercode.dll</c> or a published <c>cybercode</c>
/// executable) the runs alternate between them, in a rotating order, so each build meets the same
/// machine: on a shared machine, measuring one build after the other compares the load, not the builds.
/// Besides wall-clock time it reports the CPU time the service used up to its first answer, which
/// other work on the machine disturbs much less.
/// </summary>
internal static class StartupRun
{
    private const double TargetMs = 1500;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var runs = 5;
        var settings = new Dictionary<string, string>();
        var services = new List<string>();
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == "--runs" && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                runs = n;
            }
            else if (args[i] == "--semantic" && args[i + 1] is "on" or "off")
            {
                settings["Answering:Semantic:Enabled"] = args[i + 1] == "on" ? "true" : "false";
            }
            else if (args[i] == "--service")
            {
                services.Add(Path.GetFullPath(args[i + 1]));
            }
        }

        if (services.Count == 0)
        {
            // Both ways the service runs: the plain build (dotnet run, tests) and the deployment
            // (dotnet publish -c Release: ReadyToRun), alternately.
            services.Add(ServiceProcess.DefaultService);
            if (!args.Contains("--no-publish"))
            {
                services.Add(Published.Ensure());
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "cybercode-startup", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        settings["Storage:DatabasePath"] = Path.Combine(folder, "cybercode.db");
        try
        {
            var results = services.ToDictionary(s => s, _ => new List<Sample>());
            for (var run = 0; run <= runs; run++)
            {
                for (var k = 0; k < services.Count; k++)
                {
                    var service = services[(run + k) % services.Count];
                    var sample = await OnceAsync(service, settings, cancellationToken);
                    var label = services.Count == 1 ? string.Empty : $" [{Name(service)}]";
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  run {run}{label}{(run == 0 ? " (not counted: first launch of this build; on a new database, every vector computed)" : string.Empty)}: first answer after {sample.FirstMs:F0} ms, CPU {sample.CpuMs:F0} ms ({sample.UserMs:F0} user + {sample.SystemMs:F0} sys) (semantic then: {sample.Semantic}); settled after about {sample.SettledMs:F0} ms; load average {sample.Load}"));
                    if (run > 0)
                    {
                        results[service].Add(sample);
                    }
                }
            }

            var ok = true;
            foreach (var service in services)
            {
                var samples = results[service];
                var median = Median(samples.Select(s => s.FirstMs));
                ok &= median <= TargetMs;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{service}: service start to first answer: median {median:F0} ms (min {samples.Min(s => s.FirstMs):F0}, max {samples.Max(s => s.FirstMs):F0}); CPU to first answer: median {Median(samples.Select(s => s.CpuMs)):F0} ms (user {Median(samples.Select(s => s.UserMs)):F0}, sys {Median(samples.Select(s => s.SystemMs)):F0}) — {(median <= TargetMs ? "meets" : "MISSES")} the {TargetMs:F0} ms target."));
            }

            Console.WriteLine($"{Environment.ProcessorCount} cores; load average now {LoadAverage()} (1, 5, 15 min).");
            return ok ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<Sample> OnceAsync(string service, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var load = LoadAverage();
        var clock = Stopwatch.StartNew();
        await using var process = await ServiceProcess.StartAsync(settings, cancellationToken, service);
        using var client = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromSeconds(30) };
        using (var answer = await client.PostAsJsonAsync("api/ask", new { question = "define cyber sovereignty" }, cancellationToken))
        {
            answer.EnsureSuccessStatusCode();
        }

        var first = clock.Elapsed.TotalMilliseconds;
        var (user, system) = process.CpuTime();
        using var ready = JsonDocument.Parse(await client.GetStringAsync("readyz", cancellationToken));
        var semantic = ready.RootElement.GetProperty("semantic").GetString() ?? "unknown";

        // The model's readiness is polled every half second, so this figure is that coarse.
        await Readiness.WaitAsync(client, cancellationToken);
        return new Sample(first, user.TotalMilliseconds, system.TotalMilliseconds, semantic, clock.Elapsed.TotalMilliseconds, load);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[(sorted.Length - 1) / 2];
    }

    private static string Name(string service) =>
        Path.GetFileName(Path.GetDirectoryName(service)) is { Length: > 0 } folder ? $"{folder}/{Path.GetFileName(service)}" : service;

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    private sealed record Sample(double FirstMs, double UserMs, double SystemMs, string Semantic, double SettledMs, string Load)
    {
        public double CpuMs => UserMs + SystemMs;
    }
}
