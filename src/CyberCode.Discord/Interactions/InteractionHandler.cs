using System.Text.Json;
using CyberCode.Core;
using CyberCode.Core.Learning;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Interactions;

/// <summary>
/// What to send first for one interaction, and, when the answer was deferred, the message that
/// will replace the "thinking…" placeholder once it is ready.
/// </summary>
internal sealed record InteractionOutcome(InteractionResponse Response, Task<MessagePayload>? Pending = null);

/// <summary>An interaction the bot cannot read: bad JSON shape or an unknown type. Becomes a 400.</summary>
internal sealed class BadInteractionException(string message) : Exception(message)
{
    public BadInteractionException()
        : this("The interaction could not be read.")
    {
    }

    public BadInteractionException(string message, Exception innerException)
        : this(message + " " + innerException?.Message)
    {
    }
}

/// <summary>
/// Handles interactions the same way whether they came over the Gateway or the Interactions
/// Endpoint URL: slash commands become the equivalent text for Core's grammar, buttons ask again,
/// show a passage or record feedback, and autocomplete offers terms and passage ids.
/// </summary>
internal sealed partial class InteractionHandler(
    BotEngine bot,
    AnswerRenderer renderer,
    CommandSuggestions suggestions,
    DiscordDeliveries deliveries,
    DiscordIdentity identity,
    DiscordRestClient rest,
    TimeProvider time,
    IOptions<DiscordOptions> options,
    ILogger<InteractionHandler> logger)
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;

    /// <summary>
    /// Decides the first response. Returns null when this interaction id was handled already
    /// (a Gateway replay). Throws <see cref="BadInteractionException"/> for what cannot be read.
    /// </summary>
    public async Task<InteractionOutcome?> HandleAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        if (interaction.ValueKind != JsonValueKind.Object || interaction.Int("type") is not { } type)
        {
            throw new BadInteractionException("An interaction is a JSON object with a numeric \"type\".");
        }

        if (type == Ping)
        {
            return new InteractionOutcome(new InteractionResponse(InteractionResponse.Pong));
        }

        if (type is not (ApplicationCommand or MessageComponent or Autocomplete or ModalSubmit))
        {
            throw new BadInteractionException($"Unknown interaction type {type}; expected 1 to 5.");
        }

        var id = interaction.String("id") ?? throw new BadInteractionException("The interaction has no \"id\".");
        if (!deliveries.TryFirst("interaction", id))
        {
            LogDuplicate(logger, id);
            return null;
        }

        try
        {
            var data = interaction.Object("data") ?? throw new BadInteractionException("The interaction has no \"data\".");
            var who = ReadWho(interaction);
            return type switch
            {
                Autocomplete => new InteractionOutcome(new InteractionResponse(InteractionResponse.AutocompleteResult, new AutocompleteChoices(Choices(data)))),
                ApplicationCommand => await CommandAsync(data, who, cancellationToken),
                MessageComponent => await ComponentAsync(interaction, data, who, cancellationToken),
                _ => Now(AnswerRenderer.Notice("This bot has no forms; use /ask, /define or /help.")),
            };
        }
        catch
        {
            // Nothing reached the person: let Discord's (or the Gateway's) next delivery be handled.
            deliveries.Forget("interaction", id);
            throw;
        }
    }

    /// <summary>Replaces the deferred placeholder with the finished answer (or an apology), by editing the original response.</summary>
    public async Task CompleteAsync(string token, Task<MessagePayload> pending, CancellationToken cancellationToken)
    {
        MessagePayload message;
        try
        {
            message = await pending;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(logger, ex);
            message = AnswerRenderer.Notice("Sorry, something went wrong while answering. Please try again.");
        }

        var applicationId = identity.ApplicationId;
        if (applicationId is null)
        {
            LogNoApplicationId(logger);
            return;
        }

        try
        {
            await rest.EditOriginalResponseAsync(applicationId, token, message, cancellationToken);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException)
        {
            LogEditFailed(logger, ex);
        }
    }

    private async Task<InteractionOutcome> CommandAsync(JsonElement data, Who who, CancellationToken cancellationToken)
    {
        var name = data.String("name");
        if (SlashCommands.Find(name) is not { } command)
        {
            return Now(AnswerRenderer.Notice($"I don't know the command /{name}. Try /help; if it is missing, the bot's owner should run \"cybercode discord register\"."));
        }

        var values = data.Array("options")
            .Where(o => o.String("name") is not null)
            .ToDictionary(o => o.String("name")!, o => o.TryGetProperty("value", out var v) ? v.ToString() : string.Empty, StringComparer.Ordinal);
        foreach (var option in command.Options.Where(o => !values.ContainsKey(o.Name)))
        {
            if (option.Required)
            {
                return Now(AnswerRenderer.Notice($"/{command.Name} needs {option.Name}."));
            }

            values[option.Name] = string.Empty;
        }

        return await AnswerAsync(command.ToText(values), who, ephemeral: false, cancellationToken);
    }

    private async Task<InteractionOutcome> ComponentAsync(JsonElement interaction, JsonElement data, Who who, CancellationToken cancellationToken)
    {
        var customId = data.String("custom_id") ?? string.Empty;
        if (customId.StartsWith(CustomIds.Ask, StringComparison.Ordinal))
        {
            return await AnswerAsync(customId[CustomIds.Ask.Length..], who, ephemeral: false, cancellationToken);
        }

        if (customId.StartsWith(CustomIds.Passage, StringComparison.Ordinal))
        {
            // Only the person who pressed it needs the whole passage: keep the channel tidy.
            return await AnswerAsync("source " + customId[CustomIds.Passage.Length..], who, ephemeral: true, cancellationToken);
        }

        if (customId.StartsWith(CustomIds.FeedbackPrefix, StringComparison.Ordinal))
        {
            var parts = customId[CustomIds.FeedbackPrefix.Length..].Split(':', 3);
            var helpful = parts[0] == "1";
            var kind = parts.Length > 1 ? parts[1] : null;
            var entryId = parts.Length > 2 ? parts[2] : null;
            var question = AskedIn(interaction) ?? entryId ?? kind ?? "unknown";
            await bot.FeedbackAsync(new Feedback(question, helpful, "discord", who.UserId, who.GuildId, entryId, kind), cancellationToken);
            return Now(AnswerRenderer.Notice(helpful ? "Thanks! Noted as helpful." : "Thanks. Noted as not helpful; a moderator will look at it."));
        }

        return Now(AnswerRenderer.Notice("This button belongs to an older version of the bot. Ask again with /ask."));
    }

    /// <summary>
    /// Answers at once when the answer is ready within <see cref="DiscordOptions.DeferAfterMilliseconds"/>,
    /// otherwise defers (type 5) and hands the rest to <see cref="CompleteAsync"/>: Discord wants a
    /// first response within 3 seconds.
    /// </summary>
    private async Task<InteractionOutcome> AnswerAsync(string text, Who who, bool ephemeral, CancellationToken cancellationToken)
    {
        var work = Task.Run(
            async () =>
            {
                try
                {
                    return renderer.Render((await bot.HandleAsync(new Incoming(text, "discord", who.UserId, who.GuildId), cancellationToken)).Answer, ephemeral);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogAnswerFailed(logger, ex);
                    return AnswerRenderer.Notice("Sorry, something went wrong while answering. Please try again.");
                }
            },
            cancellationToken);
        var budget = TimeSpan.FromMilliseconds(options.Value.DeferAfterMilliseconds);
        if (budget > TimeSpan.Zero)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var finished = await Task.WhenAny(work, Task.Delay(budget, time, timeout.Token));
            await timeout.CancelAsync();
            if (finished == work)
            {
                return Now(await work);
            }
        }

        return new InteractionOutcome(
            new InteractionResponse(InteractionResponse.DeferredChannelMessage, ephemeral ? new MessagePayload(Flags: MessagePayload.Ephemeral) : null),
            work);
    }

    private IReadOnlyList<Choice> Choices(JsonElement data)
    {
        var command = SlashCommands.Find(data.String("name"));
        var focused = data.Array("options").FirstOrDefault(o => o.Bool("focused"));
        var option = command?.Options.FirstOrDefault(o => o.Name == focused.String("name"));
        var typed = focused.ValueKind == JsonValueKind.Object && focused.TryGetProperty("value", out var v) ? v.ToString() : string.Empty;
        return option is null ? [] : suggestions.For(option.Autocomplete, typed);
    }

    private static InteractionOutcome Now(MessagePayload message) => new(new InteractionResponse(InteractionResponse.ChannelMessage, message));

    /// <summary>The question an answer message was for, from its embed's "Asked:" line.</summary>
    private static string? AskedIn(JsonElement interaction)
    {
        var embed = interaction.Object("message") is { } message ? message.Array("embeds").FirstOrDefault() : default;
        var asked = embed.ValueKind == JsonValueKind.Object ? embed.Object("author")?.String("name") : null;
        return asked is not null && asked.StartsWith("Asked: ", StringComparison.Ordinal) ? asked["Asked: ".Length..].Replace("\u200B", string.Empty, StringComparison.Ordinal) : null;
    }

    /// <summary>In a server the user is inside <c>member</c>; in a DM it is <c>user</c>.</summary>
    private static Who ReadWho(JsonElement interaction) => new(
        interaction.Object("member")?.Object("user")?.String("id") ?? interaction.Object("user")?.String("id"),
        interaction.String("guild_id"));

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Interaction {Id} was handled already (a replay); ignored")]
    private static partial void LogDuplicate(ILogger logger, string id);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Answering a Discord interaction failed; the person is told to try again")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Could not edit a deferred Discord response")]
    private static partial void LogEditFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "A deferred Discord answer cannot be delivered: set Discord:ApplicationId (the Gateway's READY has not supplied it either)")]
    private static partial void LogNoApplicationId(ILogger logger);
}

internal readonly record struct Who(string? UserId, string? GuildId);
