using System.Text.Json;
using CyberCode.Discord.Interactions;
using CyberCode.Discord.Messages;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CyberCode.Discord.Gateway;

/// <summary>
/// Runs the handler of each Gateway event on its own task, so a slow answer never delays
/// heartbeats or the next event, and a failing one is logged without ending the receive loop.
/// </summary>
internal sealed partial class GatewayDispatcher(
    MentionHandler mentions,
    InteractionHandler interactions,
    DiscordRestClient rest,
    ILogger<GatewayDispatcher> logger) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public void Dispatch(string? type, JsonElement data)
    {
        Func<CancellationToken, Task>? handle = type switch
        {
            "MESSAGE_CREATE" => ct => mentions.HandleAsync(data, ct),
            "INTERACTION_CREATE" => ct => InteractionAsync(data, ct),
            _ => null,
        };
        if (handle is null)
        {
            return;
        }

        var token = _stopping.Token;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await handle(token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // Stopping.
                }
                catch (Exception ex)
                {
                    LogHandlerFailed(logger, ex, type!);
                }
            },
            CancellationToken.None);
    }

    /// <summary>Over the Gateway the first response goes by REST (the callback endpoint), not inline.</summary>
    private async Task InteractionAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        InteractionOutcome? outcome;
        try
        {
            outcome = await interactions.HandleAsync(interaction, cancellationToken);
        }
        catch (BadInteractionException ex)
        {
            LogBadInteraction(logger, ex.Message);
            return;
        }

        if (outcome is null || outcome.Response.Type == InteractionResponse.Pong)
        {
            return;
        }

        var (id, token) = (interaction.String("id")!, interaction.String("token"));
        if (token is null)
        {
            LogBadInteraction(logger, "INTERACTION_CREATE without a token");
            return;
        }

        await rest.CreateInteractionResponseAsync(id, token, outcome.Response, cancellationToken);
        if (outcome.Pending is { } pending)
        {
            await interactions.CompleteAsync(token, pending, cancellationToken);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Error, Message = "Handling a Discord {Type} event failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string type);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Ignored an interaction from the Gateway that could not be read: {Reason}")]
    private static partial void LogBadInteraction(ILogger logger, string reason);
}
