using System.Text.Json;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Learning;
using CyberCode.Core.Moderation;
using CyberCode.Core.Quizzes;
using CyberCode.Discord.Quizzes;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Interactions;

/// <summary>
/// What to send first for one interaction, and, when the answer was deferred (or acknowledged
/// first), the message that will replace the first response once it is ready. <see cref="Pending"/>
/// is called once the first response has been sent: work that must not start before it (a practice
/// round's follow-ups) starts only then; work already under way is just awaited.
/// </summary>
internal sealed record InteractionOutcome(InteractionResponse Response, Func<Task<MessagePayload>>? Pending = null);

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
    ScopedAnswers scopedAnswers,
    ModeratorCheck moderators,
    IScopeSettingsStore scopeSettings,
    IHttpClientFactory files,
    TimeProvider time,
    IOptions<DiscordOptions> options,
    ILogger<InteractionHandler> logger)
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int Autocomplete = 4;
    public const int ModalSubmit = 5;

    private readonly PendingImports _imports = new();

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
            var who = await ReadWhoAsync(interaction, cancellationToken);
            return type switch
            {
                Autocomplete => new InteractionOutcome(new InteractionResponse(InteractionResponse.AutocompleteResult, new AutocompleteChoices(Choices(data, who)))),
                ApplicationCommand => await CommandAsync(interaction, data, who, cancellationToken),
                MessageComponent => await ComponentAsync(interaction, data, who, cancellationToken),
                _ => await FormSubmittedAsync(data, who, cancellationToken),
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
    public async Task CompleteAsync(string token, Func<Task<MessagePayload>> pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        MessagePayload message;
        try
        {
            message = await pending();
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

    private async Task<InteractionOutcome> CommandAsync(JsonElement interaction, JsonElement data, Who who, CancellationToken cancellationToken)
    {
        var name = data.String("name");
        if (SlashCommands.Find(name) is not { } command)
        {
            return Now(AnswerRenderer.Notice($"I don't know the command /{name}. Try /help; if it is missing, the bot's owner should run \"cybercode discord register\"."));
        }

        if (command.Subcommands.Count > 0)
        {
            // A command with subcommands gets one option of type 1 (SUB_COMMAND) carrying the real options.
            var chosen = data.Array("options").FirstOrDefault(o => o.Int("type") == OptionType.SubCommand);
            if (command.Subcommand(chosen.String("name")) is not { } sub)
            {
                return Now(AnswerRenderer.Notice($"/{command.Name} needs one of: {string.Join(", ", command.Subcommands.Select(c => c.Name))}. If one is missing, the bot's owner should run \"cybercode discord register\"."));
            }

            command = sub;
            data = chosen;
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

        if (command.Form == CommandForm.Import)
        {
            var top = interaction.Object("data") ?? data;
            return await WithinBudgetAsync(() => ImportCheckAsync(top, values, who, cancellationToken), ephemeral: true, cancellationToken);
        }

        if (command.Form == CommandForm.Settings)
        {
            // The chosen role's name is in the top-level data's "resolved", not in the subcommand's.
            return await SettingsAsync(interaction.Object("data") ?? data, values, who, cancellationToken);
        }

        if (command.Form != CommandForm.None)
        {
            return await OpenFormAsync(command, values, who, cancellationToken);
        }

        var text = command.ToText(values);
        if (command.AcknowledgeFirst is { } acknowledgement)
        {
            // A start that would be refused (a quiz running here, no such topic) is said to the asker
            // alone at once, rather than confirmed to the channel first.
            if (QuizCommand.TryParse(text, out var quiz) && bot.Quizzes.StartRefusal(who.ToIncoming(text), quiz) is { } refusal)
            {
                return Now(QuizMessages.Reply(refusal with { Private = true }));
            }

            // Its follow-ups need this first response to exist: say so at once, run it after (CompleteAsync).
            var replyTo = who.IsDirect && who.ChannelId is { } dm ? DiscordReplyTo.Channel(dm)
                : interaction.String("token") is { } token ? DiscordReplyTo.Interaction(token)
                : null;
            var ack = AnswerRenderer.Notice(acknowledgement);
            return new InteractionOutcome(
                new InteractionResponse(InteractionResponse.ChannelMessage, command.AcknowledgeInPublic ? ack with { Flags = null } : ack),
                () => RenderAsync(who.ToIncoming(text) with { ReplyTo = replyTo }, ephemeral: !command.AcknowledgeInPublic, cancellationToken));
        }

        return await AnswerAsync(text, who, ephemeral: command.Private, cancellationToken);
    }

    private async Task<InteractionOutcome> ComponentAsync(JsonElement interaction, JsonElement data, Who who, CancellationToken cancellationToken)
    {
        var customId = data.String("custom_id") ?? string.Empty;
        if (customId.StartsWith(QuizButton.Prefix, StringComparison.Ordinal))
        {
            return await QuizAnswerAsync(customId, who, cancellationToken);
        }

        if (customId.StartsWith(ModerationForms.NewFromMissPrefix, StringComparison.Ordinal))
        {
            return await FormFromMissAsync(customId, who, cancellationToken);
        }

        if (customId.StartsWith(PendingImport.Prefix, StringComparison.Ordinal))
        {
            return await WithinBudgetAsync(() => ImportApplyAsync(customId, who, cancellationToken), ephemeral: true, cancellationToken);
        }

        if (customId.StartsWith(CustomIds.Ask, StringComparison.Ordinal))
        {
            // A moderation follow-up (fix a miss, edit instead) is for the moderator alone, like the reply it came from.
            var asked = customId[CustomIds.Ask.Length..];
            return await AnswerAsync(asked, who, ephemeral: asked.StartsWith("kb ", StringComparison.OrdinalIgnoreCase), cancellationToken);
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
    private Task<InteractionOutcome> AnswerAsync(string text, Who who, bool ephemeral, CancellationToken cancellationToken) =>
        WithinBudgetAsync(() => RenderAsync(who.ToIncoming(text), ephemeral, cancellationToken), ephemeral, cancellationToken);

    /// <summary>Asks the engine and renders its reply: a quiz reply richly (ephemeral when it is private), else the answer.</summary>
    private async Task<MessagePayload> RenderAsync(Incoming incoming, bool ephemeral, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await bot.HandleAsync(incoming, cancellationToken);
            return reply.Quiz is { } quiz ? QuizMessages.Reply(ephemeral ? quiz with { Private = true } : quiz)
                : reply.Moderation is { } moderation ? ModerationRenderer.Render(moderation)
                : renderer.Render(reply.Answer, ephemeral);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogAnswerFailed(logger, ex);
            return AnswerRenderer.Notice("Sorry, something went wrong while answering. Please try again.");
        }
    }

    private async Task<InteractionOutcome> WithinBudgetAsync(Func<Task<MessagePayload>> produce, bool ephemeral, CancellationToken cancellationToken)
    {
        var work = Task.Run(produce, cancellationToken);
        var budget = TimeSpan.FromMilliseconds(options.Value.DeferAfterMilliseconds);
        if (budget > TimeSpan.Zero)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var finished = await Task.WhenAny(work, Task.Delay(budget, time, timeout.Token));
            await timeout.CancelAsync();
            if (finished == work && (await work).Files is not { Count: > 0 })
            {
                return Now(await work);
            }
        }

        return new InteractionOutcome(
            new InteractionResponse(InteractionResponse.DeferredChannelMessage, ephemeral ? new MessagePayload(Flags: MessagePayload.Ephemeral) : null),
            () => work);
    }

    private IReadOnlyList<Choice> Choices(JsonElement data, Who who)
    {
        var command = SlashCommands.Find(data.String("name"));
        if (command is { Subcommands.Count: > 0 })
        {
            var chosen = data.Array("options").FirstOrDefault(o => o.Int("type") == OptionType.SubCommand);
            command = command.Subcommand(chosen.String("name"));
            data = chosen;
        }

        var focused = data.Array("options").FirstOrDefault(o => o.Bool("focused"));
        var option = command?.Options.FirstOrDefault(o => o.Name == focused.String("name"));
        var typed = focused.ValueKind == JsonValueKind.Object && focused.TryGetProperty("value", out var v) ? v.ToString() : string.Empty;
        return option is null ? []
            : option.Autocomplete == Suggest.Entries ? EntryChoices(scopedAnswers.EngineFor(who.Scope).Knowledge, typed)
            : suggestions.For(option.Autocomplete, typed);
    }

    private static InteractionOutcome Now(MessagePayload message) => new(new InteractionResponse(InteractionResponse.ChannelMessage, message));

    /// <summary>The question an answer message was for, from its embed's "Asked:" line.</summary>
    private static string? AskedIn(JsonElement interaction)
    {
        var embed = interaction.Object("message") is { } message ? message.Array("embeds").FirstOrDefault() : default;
        var asked = embed.ValueKind == JsonValueKind.Object ? embed.Object("author")?.String("name") : null;
        return asked is not null && asked.StartsWith("Asked: ", StringComparison.Ordinal) ? asked["Asked: ".Length..].Replace("\u200B", string.Empty, StringComparison.Ordinal) : null;
    }

    /// <summary>
    /// In a server the user is inside <c>member</c>, whose <c>permissions</c> (a bit set, as a
    /// string) are the member's in that channel and whose <c>roles</c> are role ids; in a DM it is
    /// <c>user</c> and there is no guild.
    /// </summary>
    private async Task<Who> ReadWhoAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var member = interaction.Object("member");
        var user = member?.Object("user") ?? interaction.Object("user");
        var guild = interaction.String("guild_id");
        return new Who(
            user?.String("id"),
            guild,
            interaction.String("channel_id") ?? interaction.Object("channel")?.String("id"),
            member?.String("nick") ?? user?.String("global_name") ?? user?.String("username"),
            await moderators.IsModeratorAsync(guild, member, cancellationToken),
            guild is null)
        {
            CanManageServer = guild is not null && Permissions.CanManageServer(member?.String("permissions")),
        };
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Interaction {Id} was handled already (a replay); ignored")]
    private static partial void LogDuplicate(ILogger logger, string id);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Answering a Discord interaction failed; the person is told to try again")]
    private static partial void LogAnswerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Could not edit a deferred Discord response")]
    private static partial void LogEditFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "A deferred Discord answer cannot be delivered: set Discord:ApplicationId (the Gateway's READY has not supplied it either)")]
    private static partial void LogNoApplicationId(ILogger logger);
}
