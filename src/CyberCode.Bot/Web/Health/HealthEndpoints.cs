using CyberCode.Bot.Web.Hosting;
using CyberCode.Core;
using CyberCode.Core.Knowledge;
using CyberCode.Discord;
using CyberCode.Discord.Gateway;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Web.Health;

/// <summary>
/// <c>GET /healthz</c>: the process is alive and serving. <c>GET /readyz</c>: it can answer —
/// knowledge loaded, store open. Readiness does not wait for the semantic model (answers are
/// lexical meanwhile) but says where it is.
/// </summary>
internal static partial class HealthEndpoints
{
    /// <summary>An entry id that never exists: looking up its history is an indexed read of the store that finds nothing.</summary>
    private const string ProbeEntryId = "readyz-probe";

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", static () => TypedResults.Json(new Alive("alive")));
        app.MapGet("/readyz", ReadyAsync);
        return app;
    }

    private static async Task<IResult> ReadyAsync(Readiness readiness, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var semantic = string.Empty;
        Counts? knowledge = null;
        if (readiness.IsReady)
        {
            // Resolved only now: before start-up finished, resolving would load the knowledge here.
            var kb = services.GetRequiredService<KnowledgeBase>();
            knowledge = new Counts(kb.Essay.Passages.Count, kb.Entries.Count);
            semantic = services.GetRequiredService<BotEngine>().SemanticState.ToString().ToLowerInvariant();
        }

        var store = readiness.IsReady ? await ProbeStoreAsync(services, loggers, cancellationToken) : "unknown";
        var status = readiness.IsStopping ? "stopping" : !readiness.IsReady ? "starting" : store == "open" ? "ready" : "unavailable";
        // Discord is reported, not required: the web chat, Teams and the CLI answer without it.
        var discord = services.GetRequiredService<IOptions<DiscordOptions>>().Value.GatewayOn
            ? services.GetRequiredService<GatewayClient>().State
            : "off";
        var body = new Ready(status, knowledge, store, semantic.Length == 0 ? null : semantic, discord);
        return TypedResults.Json(body, statusCode: status == "ready" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> ProbeStoreAsync(IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<IKnowledgeStore>().GetHistoryAsync(ProbeEntryId, cancellationToken);
            return "open";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreUnavailable(loggers.CreateLogger(typeof(HealthEndpoints).FullName!), ex);
            return "unavailable";
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Readiness probe: the store did not answer a read")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);

    internal sealed record Alive(string Status);

    internal sealed record Counts(int Passages, int Entries);

    internal sealed record Ready(string Status, Counts? Knowledge, string Store, string? Semantic, string Discord);
}
