using System.Collections.Concurrent;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using CyberCode.Discord.Gateway;
using CyberCode.Storage;
using CyberCode.Discord.Tests.Fake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CyberCode.Discord.Tests;

/// <summary>
/// The Discord channel's real services over a real <see cref="BotEngine"/> (the repository's
/// knowledge, an in-memory database), pointed at a <see cref="FakeDiscord"/>, with time from a
/// <see cref="FakeTimeProvider"/> and every jitter fixed at one half.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    public const string Token = "test-token.abc.def";
    public const string ApplicationId = "200";

    private static readonly Lazy<AnswerEngine> SharedEngine = new(() => AnswerEngine.Create(KnowledgeLoader.Load(RepositoryRoot.KnowledgePath)));

    /// <summary>One answering engine over the repository's knowledge for every test.</summary>
    public static AnswerEngine Engine => SharedEngine.Value;

    private readonly ServiceProvider _services;

    private Harness(FakeDiscord fake, ServiceProvider services, FakeTimeProvider time, LogSink logs)
    {
        Fake = fake;
        _services = services;
        Time = time;
        Logs = logs;
    }

    public FakeDiscord Fake { get; }

    public FakeTimeProvider Time { get; }

    public LogSink Logs { get; }

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<Harness> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var fake = await FakeDiscord.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepositoryRoot.KnowledgePath,
            ["Storage:DatabasePath"] = ":memory:",
            ["Answering:Semantic:Enabled"] = "false",
            ["Discord:BotToken"] = Token,
            ["Discord:ApplicationId"] = ApplicationId,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var logs = new LogSink();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(new DiscordJitter(() => 0.5));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddCyberCodeCore(configuration);
        services.AddCyberCodeStorage(configuration);
        services.AddCyberCodeDiscord(configuration);
        // Loading and indexing the knowledge is the slow part of a start; every test can share one
        // (instances given to the container are not disposed by it).
        services.AddSingleton(SharedEngine.Value.Knowledge);
        services.AddSingleton(SharedEngine.Value);
        return new Harness(fake, services.BuildServiceProvider(validateScopes: true), time, logs);
    }

    /// <summary>Runs the Gateway client until the test ends (or it stops by itself).</summary>
    public (Task Run, CancellationTokenSource Stop) RunGateway()
    {
        var stop = new CancellationTokenSource();
        var client = Get<GatewayClient>();
        return (Task.Run(() => client.RunAsync(stop.Token)), stop);
    }

    /// <summary>
    /// Moves fake time on in small steps until <paramref name="done"/> holds: for waits whose
    /// timer the client sets at a moment the test cannot see (back-off, the 1-5 s before a new
    /// identify). Bounded, so a client that never gets there fails the test.
    /// </summary>
    public async Task AdvanceUntilAsync(Func<bool> done, TimeSpan step, int maxSteps = 400)
    {
        var reached = done();
        for (var i = 0; i < maxSteps && !reached; i++)
        {
            Time.Advance(step);
            await Task.Delay(5);
            reached = done();
        }

        Assert.True(reached, "The client did not get there in fake time.");
    }

    /// <summary>Waits (in real time, briefly) for something the client does on its own threads.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "Timed out waiting for: " + what);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

/// <summary>Keeps every log line, so a test can check what an operator would read.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink._lines.Enqueue((logLevel, category, formatter(state, exception)));
    }
}
