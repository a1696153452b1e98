using System.Text.Json;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using CyberCode.Discord.Rendering;

namespace CyberCode.Discord.Interactions;

internal sealed partial class InteractionHandler
{
    private const string NotModerator =
        "Only moderators can change the knowledge base here: members with Manage Server or Manage Messages. Anyone can read an entry with \"kb show ID\".";

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
        var shown = await bot.Moderation.ShowAsync(Scopes.Of(who.GuildId), id, cancellationToken);
        var entry = shown.Outcome == ModerationOutcome.Shown && shown.EntryId is { } found ? scopedAnswers.EngineFor(who.GuildId).Knowledge.Find(found) : null;
        return entry is not null && ModerationForms.Edit(entry, shown.Revision ?? 0) is { } modal
            ? Form(modal)
            : Now(ModerationRenderer.Render(shown));
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

    private static InteractionOutcome Form(Modal modal) => new(new InteractionResponse(InteractionResponse.Modal, modal));
}
