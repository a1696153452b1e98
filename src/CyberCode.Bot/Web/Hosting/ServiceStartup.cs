using CyberCode.Core;
using CyberCode.Core.Knowledge;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Web.Hosting;

/// <summary>
/// Start-up and shutdown of the service around the web server: before it listens, load and index
/// the knowledge (so a bad entry stops the start with its message, and the first visitor does not
/// wait for the index) and seed the curated entries into the store; once it listens, say where;
/// when it stops, stop reporting ready.
/// </summary>
internal sealed partial class ServiceStartup(
    IServiceProvider services,
    Readiness readiness,
    IServer server,
    IOptions<WebOptions> web,
    ILogger<ServiceStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        _ = services.GetRequiredService<BotEngine>();
        var report = await services.SeedCuratedAsync(cancellationToken);
        LogKnowledgeReady(knowledge.Essay.Passages.Count, knowledge.Entries.Count, report.Added.Count, report.Updated.Count, report.Removed.Count);
        readiness.MarkStarted();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        LogListening(string.Join(", ", addresses));
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.MarkStopping();
        LogStopping(web.Value.ShutdownTimeoutSeconds);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        LogStopped();
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Knowledge ready: {Passages} passages, {Entries} entries; store seeded ({Added} added, {Updated} updated, {Removed} removed)")]
    private partial void LogKnowledgeReady(int passages, int entries, int added, int updated, int removed);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "CyberCode is listening on {Addresses} — open it in a browser. Ctrl+C stops it.")]
    private partial void LogListening(string addresses);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Stopping: finishing requests in flight (at most {Seconds} s), then closing the database")]
    private partial void LogStopping(int seconds);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Stopped")]
    private partial void LogStopped();
}
