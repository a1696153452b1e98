using System.Text.Json;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CyberCode.Discord.Interactions;

internal sealed partial class InteractionHandler
{
    private const string NotModerator =
        "Only moderators can change the knowledge base here: members with Manage Server or Manage Messages, or the role a server admin chose with /kb settings. Anyone can read an entry with \"kb show ID\".";

    /// <summary>
    /// <c>/kb add-term</c>, <c>/kb add-question</c>, <c>/kb edit</c>: a modal form (response type 9).
    /// Permission is checked here too, since a server admin may show /kb to everyone.
    /// </summary>
    private async Task<InteractionOutcome> OpenFormAsync(SlashCommand command, IReadOnlyDictionary<string, string> values, Who who, CancellationToken cancellationToken)
    {
        if (!who.IsModerator)
        {
            return Now(ModerationRenderer.Render(new ModerationReply(ModerationOutcome.NotAllowed, NotModerator)));
        }

        if (command.Form is CommandForm.AddTerm or CommandForm.AddQuestion)
        {
            return Form(ModerationForms.Add(command.Form == CommandForm.AddTerm ? EntryKind.Term : EntryKind.Question));
        }

        var id = values.GetValueOrDefault("id", string.Empty).Trim().ToLowerInvariant();
        await bot.Moderation.EnsureLoadedAsync(cancellationToken);
        var shown = await bot.Moderation.ShowAsync(who.Scope, id, cancellationToken);
        var entry = shown.Outcome == ModerationOutcome.Shown && shown.EntryId is { } found ? scopedAnswers.EngineFor(who.Scope).Knowledge.Find(found) : null;
        return entry is not null && ModerationForms.Edit(entry, shown.Revision ?? 0) is { } modal
            ? Form(modal)
            : Now(ModerationRenderer.Render(shown));
    }

    /// <summary>
    /// "Create an entry" under a miss: finds the miss again in this server's list (the button
    /// carries only a hash of its question) and opens the add form with the question and the
    /// closest passage's text filled in.
    /// </summary>
    private async Task<InteractionOutcome> FormFromMissAsync(string customId, Who who, CancellationToken cancellationToken)
    {
        if (!who.IsModerator)
        {
            return Now(ModerationRenderer.Render(new ModerationReply(ModerationOutcome.NotAllowed, NotModerator)));
        }

        await bot.Moderation.EnsureLoadedAsync(cancellationToken);
        var misses = await bot.Moderation.MissesAsync(who.Scope, 50, cancellationToken);
        if (misses.Misses.FirstOrDefault(m => ModerationForms.NewFromMissId(m.Question) == customId) is { } miss)
        {
            return Form(ModerationForms.AddFromMiss(miss.Question, miss.SuggestedQuote));
        }

        return Now(ModerationRenderer.Render(new ModerationReply(ModerationOutcome.NotFound,
            "That question is answered now, or no longer among this server's misses. \"/kb misses\" shows the current list.")));
    }

    /// <summary>A submitted form: the same command the typed grammar gives, run by the engine for this sender and server.</summary>
    private async Task<InteractionOutcome> FormSubmittedAsync(JsonElement data, Who who, CancellationToken cancellationToken)
    {
        if (ModerationForms.Read(data) is not { } command)
        {
            return Now(AnswerRenderer.Notice("This form belongs to an older version of the bot. Use /kb or /help."));
        }

        return await WithinBudgetAsync(
            async () =>
            {
                try
                {
                    var reply = await bot.Moderation.HandleAsync(command, who.ToIncoming("kb " + command.Verb.ToString().ToLowerInvariant()), cancellationToken);
                    return ModerationRenderer.Render(reply);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogAnswerFailed(logger, ex);
                    return AnswerRenderer.Notice("Sorry, the form could not be saved. Please try again.");
                }
            },
            ephemeral: true,
            cancellationToken);
    }

    /// <summary>Entry ids for autocomplete, as this server sees the knowledge: "id · title", matching either.</summary>
    private static List<Choice> EntryChoices(KnowledgeBase knowledge, string typed)
    {
        var text = typed.Trim();
        return knowledge.Entries
            .Where(e => e.Id.Length <= 100)
            .Select(e => (Entry: e, Rank: text.Length == 0 || e.Id.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0
                : e.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || e.Id.Contains(text, StringComparison.OrdinalIgnoreCase) ? 1 : 2))
            .Where(x => x.Rank < 2)
            .OrderBy(x => x.Rank)
            .ThenBy(x => x.Entry.Id, StringComparer.Ordinal)
            .Take(CommandSuggestions.MaxChoices)
            .Select(x => new Choice(DiscordText.Cut($"{x.Entry.Id} · {x.Entry.Title}", 100), x.Entry.Id))
            .ToList();
    }

    /// <summary>
    /// <c>/kb settings</c>: without options, shows who moderates here (to moderators); with a role
    /// or the clear flag, Manage Server (or Administrator) changes it. The role takes effect on the
    /// next interaction or mention; Discord itself still hides /kb from the role until a server
    /// admin allows it under Server Settings → Integrations, which the reply says.
    /// </summary>
    private async Task<InteractionOutcome> SettingsAsync(JsonElement data, IReadOnlyDictionary<string, string> values, Who who, CancellationToken cancellationToken)
    {
        if (who.GuildId is not { } guild)
        {
            return Now(ModerationRenderer.Render(new ModerationReply(ModerationOutcome.Invalid, "Settings belong to a server: use /kb settings there.")));
        }

        var role = values.GetValueOrDefault("moderator-role", string.Empty).Trim();
        var clear = string.Equals(values.GetValueOrDefault("clear-moderator-role"), "true", StringComparison.OrdinalIgnoreCase);
        var current = await scopeSettings.GetAsync(guild, cancellationToken);
        if (role.Length == 0 && !clear)
        {
            return Now(ModerationRenderer.Render(who.IsModerator
                ? new ModerationReply(ModerationOutcome.Shown, "Moderators here: members with Manage Server or Manage Messages" +
                    (current.ModeratorRoleId is { } id ? $", and members with the role {RoleName(data, id)} (set {current.ChangedAt:yyyy-MM-dd} by {current.ChangedBy})." : ". No moderator role is set.") +
                    "\nManage Server can choose one with /kb settings moderator-role, or clear it with clear-moderator-role: True.")
                : new ModerationReply(ModerationOutcome.NotAllowed, NotModerator)));
        }

        if (!who.CanManageServer)
        {
            return Now(ModerationRenderer.Render(new ModerationReply(ModerationOutcome.NotAllowed,
                "Only members with Manage Server (or Administrator) can choose who moderates the bot here.")));
        }

        if (!clear && !ulong.TryParse(role, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return Now(ModerationRenderer.Render(new ModerationReply(ModerationOutcome.Invalid, "Pick the role from the list Discord offers for moderator-role.")));
        }

        if (role == guild)
        {
            return Now(ModerationRenderer.Render(new ModerationReply(ModerationOutcome.Invalid,
                "@everyone cannot be the moderator role: everyone could change the bot's answers here. Pick a role given to a few people.")));
        }

        var next = current with
        {
            ModeratorRoleId = clear ? null : role,
            ChangedBy = "discord:" + (who.UserId ?? "unknown"),
            ChangedAt = time.GetUtcNow(),
        };
        await scopeSettings.SaveAsync(guild, next, cancellationToken);
        LogModeratorRole(logger, guild, next.ModeratorRoleId ?? "(none)", next.ChangedBy);
        return Now(ModerationRenderer.Render(new ModerationReply(ModerationOutcome.Done, clear
            ? "No moderator role any more: only members with Manage Server or Manage Messages moderate the bot here."
            : $"Members with the role {RoleName(data, role)} now moderate the bot here, from their next command.\n" +
              "Discord still hides /kb from them until you allow it: Server Settings → Integrations → CyberCode → /kb → Add Roles or Members. " +
              "Until then they can mention the bot with \"kb …\" commands.")));
    }

    /// <summary>The role's name from the interaction's <c>resolved</c> data, else its id.</summary>
    private static string RoleName(JsonElement data, string id) =>
        data.Object("resolved")?.Object("roles")?.Object(id)?.String("name") is { Length: > 0 } name ? $"\"{name}\" ({id})" : id;

    [LoggerMessage(EventId = 3105, Level = LogLevel.Information, Message = "Server {Guild}: moderator role set to {Role} by {By}")]
    private static partial void LogModeratorRole(ILogger logger, string guild, string role, string? by);

    private static InteractionOutcome Form(Modal modal) => new(new InteractionResponse(InteractionResponse.Modal, modal));
}
