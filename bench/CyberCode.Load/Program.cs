using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CyberCode.Load;

// dotnet run -c Release --project bench/CyberCode.Load -- [--seconds 15] [--connections 64] [--semantic on|off] [--url URL]
//                                                       -- --startup [--runs N] [--semantic on|off] [--service PATH]... [--no-publish]
if (args.Contains("--startup"))
{
    return await StartupRun.RunAsync(args, CancellationToken.None);
}

var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        Usage: CyberCode.Load [--seconds N] [--warmup N] [--connections N] [--semantic on|off] [--questions FILE] [--distinct] [--url URL]
          Starts the service (Release build beside this tool) on a free port with the rate limit off,
          then drives GET /healthz and POST /api/ask with the same number of connections, one after
          the other, and reports requests/s, p50/p99 latency and errors of each and their ratio.
          --distinct makes every question new (a number appended), so no answer comes from the cache.
          --url targets a service that is already running instead (its rate limit must allow the load).
        CyberCode.Load --startup [--runs N] [--semantic on|off] [--service PATH]... [--no-publish]
          Starts the service N+1 times on one database and times launch to its first answer (wall
          clock and the service's CPU time): the build beside this tool and the published one
          (dotnet publish -c Release into artifacts/startup-publish), alternately. --service PATH
          (repeatable: a cybercode.dll or a published cybercode executable) names the builds instead.
        """);
    return 2;
}

var questions = Questions.Load(options.QuestionsFile);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

await using var service = options.Url is null
    ? await ServiceProcess.StartAsync(options.ServiceSettings(), cancel.Token)
    : null;
var address = options.Url ?? service!.Address;

using var client = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Connections,
    PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    UseProxy = false,
    AutomaticDecompression = DecompressionMethods.None,
})
{
    BaseAddress = address,
    Timeout = TimeSpan.FromSeconds(30),
};

var semantic = await Readiness.WaitAsync(client, cancel.Token);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CyberCode load: {address} | {options.Connections} connections | {options.Seconds} s per endpoint after {options.Warmup} s warm-up | {questions.Count} questions{(options.Distinct ? ", each made new" : ", in turn")} | semantic {semantic} | {Environment.ProcessorCount} cores"));

var bodies = questions.Select(q => JsonSerializer.SerializeToUtf8Bytes(new { question = q })).ToArray();
HttpRequestMessage Healthz(long _) => new(HttpMethod.Get, "healthz");
HttpRequestMessage Ask(long n)
{
    // --distinct: the service answers a repeated question from its cache; "… #n" is new every time.
    var content = new ByteArrayContent(options.Distinct
        ? JsonSerializer.SerializeToUtf8Bytes(new { question = $"{questions[(int)(n % questions.Count)]} #{n}" })
        : bodies[n % bodies.Length]);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    return new HttpRequestMessage(HttpMethod.Post, "api/ask") { Content = content };
}

var warmup = TimeSpan.FromSeconds(options.Warmup);
var measure = TimeSpan.FromSeconds(options.Seconds);
await LoadRun.RunAsync("warm-up", client, Healthz, options.Connections, warmup / 2, cancel.Token);
await LoadRun.RunAsync("warm-up", client, Ask, options.Connections, warmup / 2, cancel.Token);
var health = await LoadRun.RunAsync("GET /healthz", client, Healthz, options.Connections, measure, cancel.Token);
var ask = await LoadRun.RunAsync("POST /api/ask", client, Ask, options.Connections, measure, cancel.Token);

Console.WriteLine();
Console.WriteLine(health.Line());
Console.WriteLine(ask.Line());
foreach (var sample in health.ErrorSamples.Concat(ask.ErrorSamples))
{
    Console.WriteLine("  error: " + sample);
}

var ratio = ask.RequestsPerSecond / health.RequestsPerSecond;
var ok = ratio >= 0.5 && health.Errors == 0 && ask.Errors == 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ratio ask/healthz = {ratio:F2} (target >= 0.50), errors {health.Errors + ask.Errors} — {(ok ? "PASS" : "FAIL")}"));
return ok ? 0 : 1;
