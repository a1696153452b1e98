using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Gateway;

/// <summary>
/// Runs the Gateway client while the host runs, when <c>Discord:BotToken</c> is set and
/// <c>Discord:Gateway:Enabled</c> is not false. Nothing the Gateway does may stop the host: the
/// web chat and the interactions endpoint keep working when Discord is unreachable.
/// </summary>
internal sealed partial class GatewayService(GatewayClient client, IOptions<DiscordOptions> options, ILogger<GatewayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.GatewayOn)
        {
            LogOff(logger, options.Value.HasToken ? "Discord:Gateway:Enabled is false" : "Discord:BotToken is not set");
            return;
        }

        // Let the host finish starting before the first network call.
        await Task.Yield();
        try
        {
            await client.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            LogCrashed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "Discord Gateway is off: {Reason}")]
    private static partial void LogOff(ILogger logger, string reason);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Critical, Message = "Discord Gateway stopped on an unexpected error; the rest of the service keeps running")]
    private static partial void LogCrashed(ILogger logger, Exception exception);
}
