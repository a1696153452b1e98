using System.Diagnostics;
using System.Globalization;

namespace CyberCode.Load;

/// <summary>What one target did under load: requests, errors and the latency of each request.</summary>
internal sealed record LoadResult(string Name, TimeSpan Duration, long Requests, long Errors, IReadOnlyList<double> LatenciesMs, IReadOnlyList<string> ErrorSamples)
{
    public double RequestsPerSecond => Requests / Duration.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var index = (int)Math.Ceiling(p * LatenciesMs.Count) - 1;
        return LatenciesMs[Math.Clamp(index, 0, LatenciesMs.Count - 1)];
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-14} {RequestsPerSecond,10:F0} req/s  p50 {Percentile(0.50),7:F2} ms  p99 {Percentile(0.99),7:F2} ms  requests {Requests,8}  errors {Errors}");
}

/// <summary>
/// A closed-loop load: <c>connections</c> workers, each on its own keep-alive connection, send a
/// request, read the whole response, and send the next, for a fixed time. Any status other than
/// the expected one, or any exception, counts as an error.
/// </summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(
        string name,
        HttpClient client,
        Func<long, HttpRequestMessage> request,
        int connections,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        stop.CancelAfter(duration);
        long sequence = 0;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>(capacity: 64 * 1024);
            var errors = 0L;
            var samples = new List<string>();
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    using var message = request(n);
                    using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, CancellationToken.None);
                    if (!response.IsSuccessStatusCode)
                    {
                        errors++;
                        if (samples.Count < 3)
                        {
                            samples.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
                        }

                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
                {
                    errors++;
                    if (samples.Count < 3)
                    {
                        samples.Add(ex.GetType().Name + ": " + ex.Message);
                    }

                    continue;
                }

                latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            }

            return (latencies, errors, samples);
        }, CancellationToken.None)).ToArray();

        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        var errorCount = results.Sum(r => r.errors);
        return new LoadResult(name, elapsed, all.Length + errorCount, errorCount, all, results.SelectMany(r => r.samples).Take(5).ToArray());
    }
}
