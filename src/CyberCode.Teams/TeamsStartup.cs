using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Teams;

/// <summary>Says once, at start-up, which mode the Teams channel runs in.</summary>
internal sealed partial class TeamsStartup(IOptions<TeamsOptions> options, ILogger<TeamsStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var teams = options.Value;
        if (teams.IsLocalDevelopment)
        {
            LogLocalDevelopment(logger);
        }
        else
        {
            LogConfigured(logger, teams.AppId, string.IsNullOrWhiteSpace(teams.MicrosoftAppTenantId) ? "multi-tenant" : "single-tenant " + teams.MicrosoftAppTenantId.Trim());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2600, Level = LogLevel.Warning, Message = "Teams: no Teams:MicrosoftAppId is set, so /api/messages runs in local development mode: requests need no token and only Connectors on this machine (e.g. the Microsoft 365 Agents Playground) are answered. Set Teams__MicrosoftAppId and Teams__MicrosoftAppPassword to talk to Microsoft Teams.")]
    private static partial void LogLocalDevelopment(ILogger logger);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Information, Message = "Teams: /api/messages accepts Bot Framework tokens for app {AppId} ({Tenancy})")]
    private static partial void LogConfigured(ILogger logger, string appId, string tenancy);
}
