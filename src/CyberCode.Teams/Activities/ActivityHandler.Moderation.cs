using CyberCode.Core;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using CyberCode.Teams.Moderation;

namespace CyberCode.Teams.Activities;

internal sealed partial class ActivityHandler
{
    /// <summary>
    /// A <c>kb</c> command that asks for a form: <c>kb add term</c> or <c>kb add question</c> with
    /// nothing after it, <c>kb form</c>, and <c>kb edit ID</c> alone. A moderator gets the form;
    /// anyone else the engine's refusal for the command the form would send, never the form.
    /// False when the text is not such a command (it then goes to the engine as typed).
    /// </summary>
    private async Task<bool> TryFormAsync(Activity activity, string text, Delivery delivery, CancellationToken cancellationToken)
    {
        KbCommand? wanted = null;
        if (IsFormWord(text))
        {
            wanted = new KbCommand(KbVerb.Add) { Kind = EntryKind.Question };
        }
        else if (KbCommand.TryParse(text, out var kb))
        {
            var empty = kb.Title is null && kb.Text is null && kb.Cites is null && kb.Phrasings is null;
            wanted = kb.Verb switch
            {
                KbVerb.Add when kb.Error is null && kb.Kind is not null && empty && !kb.Force && kb.EntryId is null => kb,
                // "kb edit ID" alone is malformed as a typed command ("nothing to change"): here it opens the form.
                KbVerb.Edit when kb.EntryId is not null && empty => new KbCommand(KbVerb.Edit) { EntryId = kb.EntryId, Revision = kb.Revision },
                _ => null,
            };
        }

        if (wanted is null)
        {
            return false;
        }

        var incoming = ToIncoming(activity, text);
        if (!incoming.IsModerator)
        {
            await ModerationReplyAsync(activity, await bot.Moderation.HandleAsync(wanted, incoming, cancellationToken), delivery, cancellationToken);
            return true;
        }

        if (wanted.Verb == KbVerb.Add)
        {
            await ReplyAsync(activity, OutgoingActivity.Card(activity, KbForms.AddForm(wanted.Kind!.Value), wanted.Kind == EntryKind.Term ? "Add a term" : "Add a question"), delivery, cancellationToken);
            return true;
        }

        await EditFormAsync(activity, incoming, wanted.EntryId!, delivery, cancellationToken);
        return true;
    }

    /// <summary>The edit form, at the revision this team's entry is at now; the engine's "not found" otherwise.</summary>
    private async Task EditFormAsync(Activity activity, Incoming incoming, string entryId, Delivery delivery, CancellationToken cancellationToken)
    {
        var shown = await bot.Moderation.HandleAsync(new KbCommand(KbVerb.Show) { EntryId = entryId }, incoming, cancellationToken);
        var entry = shown.Outcome == ModerationOutcome.Shown && shown.EntryId is { } id ? scoped.EngineFor(activity.TenantId).Knowledge.Find(id) : null;
        if (entry is null)
        {
            await ModerationReplyAsync(activity, shown, delivery, cancellationToken);
            return;
        }

        await ReplyAsync(activity, OutgoingActivity.Card(activity, KbForms.EditForm(entry, shown.Revision ?? 0), "Edit " + entry.Id), delivery, cancellationToken);
    }

    /// <summary>
    /// A submitted form, or a "create an entry" button (which opens the add form filled from its
    /// command). The command goes through the engine's own checks, so a non-moderator who submits
    /// a form someone else was sent is refused.
    /// </summary>
    private async Task KbSubmitAsync(Activity activity, SubmitAction action, Delivery delivery, CancellationToken cancellationToken)
    {
        var incoming = ToIncoming(activity, string.Empty);
        if (action.String("action") == KbForms.Open)
        {
            if (!KbCommand.TryParse(action.String("command"), out var kb) || kb.Verb != KbVerb.Add || kb.Kind is not { } kind)
            {
                LogIgnored(logger, "kb form for an unknown command");
                return;
            }

            if (!incoming.IsModerator)
            {
                await ModerationReplyAsync(activity, await bot.Moderation.HandleAsync(new KbCommand(KbVerb.Add) { Kind = kind }, incoming, cancellationToken), delivery, cancellationToken);
                return;
            }

            // The miss's command holds placeholders for what the moderator writes; only its question and quote are kept.
            var quotes = kb.Cites?.Where(q => !q.Equals("QUOTE FROM THE ESSAY", StringComparison.Ordinal)).ToList();
            var form = KbForms.AddForm(kind, kb.Title, null, quotes, kb.Phrasings, note: "Write the answer in your own words; the quote is the passage closest to the question, check it fits.");
            await ReplyAsync(activity, OutgoingActivity.Card(activity, form, "Add a question"), delivery, cancellationToken);
            return;
        }

        if (KbForms.ToCommand(action) is not { } command)
        {
            LogIgnored(logger, "kb form action " + (action.String("action") ?? "(none)"));
            return;
        }

        var reply = await bot.Moderation.HandleAsync(command, incoming, cancellationToken);
        await ModerationReplyAsync(activity, reply, delivery, cancellationToken);
    }

    private Task ModerationReplyAsync(Activity activity, ModerationReply reply, Delivery delivery, CancellationToken cancellationToken)
    {
        var essay = engine.Knowledge.Essay;
        var citations = reply.Citations
            .Select(c => new Core.Answering.AnswerCitation(c.PassageId, c.Section, c.Quote, essay.Find(c.PassageId)?.Text ?? c.Quote, c.Start, c.Length))
            .ToArray();
        return ReplyAsync(activity, ModerationCard.Message(activity, reply, citations, Footer), delivery, cancellationToken);
    }

    private static bool IsFormWord(string text)
    {
        var words = text.Trim().TrimStart('/', '!').Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 2 && words[0].Equals("kb", StringComparison.OrdinalIgnoreCase) && words[1].Equals("form", StringComparison.OrdinalIgnoreCase);
    }
}
