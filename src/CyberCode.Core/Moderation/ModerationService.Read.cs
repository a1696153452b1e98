using System.Globalization;
using System.Text;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Learning;

namespace CyberCode.Core.Moderation;

public sealed partial class ModerationService
{
    /// <summary>How far down the scope's own question log <c>kb misses</c> looks (answered ones since are skipped).</summary>
    private const int MissesScanned = 500;

    /// <summary><c>kb show ID</c>: the entry as this scope sees it, and the command to edit it.</summary>
    public async Task<ModerationReply> ShowAsync(string scope, string entryId, CancellationToken cancellationToken)
    {
        var (state, current, shared) = await FindAsync(scope, entryId, cancellationToken);
        if (current is null)
        {
            return NotFound(entryId, state);
        }

        var revision = state?.Revision ?? 0;
        var origin = shared is null ? "this server's entry" : state?.Entry is null ? "shared entry from knowledge/" : "shared entry, overridden here";
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{current.Id} ({current.Kind.ToString().ToLowerInvariant()}, {origin}, revision {revision})\n"));
        text.Append(CultureInfo.InvariantCulture, $"{current.Title}\n{current.Text}\n");
        if (current.Phrasings.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(current.Kind == EntryKind.Term ? "Aliases" : "Phrasings")}: {string.Join("; ", current.Phrasings)}\n");
        }

        foreach (var c in current.Citations)
        {
            text.Append(CultureInfo.InvariantCulture, $"Cites {c.PassageId}: \"{c.Quote}\"\n");
        }

        var field = current.Kind == EntryKind.Term ? "definition" : "answer";
        return new ModerationReply(ModerationOutcome.Shown, text.ToString().TrimEnd())
        {
            EntryId = current.Id,
            Revision = revision,
            Citations = current.Citations,
            Commands = [$"kb edit {current.Id} rev {revision} | {field}: {current.Text}", $"kb history {current.Id}"],
        };
    }

    /// <summary><c>kb history ID</c>: every revision in this scope, oldest first.</summary>
    public async Task<ModerationReply> HistoryAsync(string scope, string entryId, CancellationToken cancellationToken)
    {
        var history = await store.GetScopedHistoryAsync(scope, entryId, cancellationToken);
        if (history.Count == 0)
        {
            return Shared.Find(entryId) is not null
                ? new ModerationReply(ModerationOutcome.Shown, $"{entryId} is a shared entry that nobody changed here (revision 0).") { EntryId = entryId, Revision = 0 }
                : new ModerationReply(ModerationOutcome.NotFound, $"{entryId} has no history here; \"kb list\" shows what this server changed.");
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"History of {entryId} ({history.Count} revision(s)):\n"));
        foreach (var r in history)
        {
            var what = r.Removed ? "(removed)" : r.Entry is null ? "(shared text)" : Short(r.Entry.Text, 80);
            text.Append(CultureInfo.InvariantCulture, $"  rev {r.Revision}  {r.At:yyyy-MM-dd HH:mm}  {r.By}  {r.Action}: {what}\n");
        }

        return new ModerationReply(ModerationOutcome.Shown, text.ToString().TrimEnd())
        {
            EntryId = entryId,
            Revision = history[^1].Revision,
            Commands = history.Count > 1 ? [$"kb revert {entryId} {history[^2].Revision}"] : [],
        };
    }

    /// <summary><c>kb list [recent|mine]</c>: what this scope added, changed, removed or hid.</summary>
    public async Task<ModerationReply> ListAsync(Moderator who, string? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        IEnumerable<ScopedEntry> states = await store.GetScopedAsync(who.Scope, cancellationToken);
        states = filter switch
        {
            "mine" => states.Where(s => s.By == who.By).OrderByDescending(s => s.At),
            "recent" => states.OrderByDescending(s => s.At).Take(10),
            _ => states.OrderBy(s => s.EntryId, StringComparer.Ordinal),
        };
        var list = states.ToList();
        if (list.Count == 0)
        {
            return new ModerationReply(ModerationOutcome.Shown, filter == "mine"
                ? "You have not changed any entry here yet."
                : "Nothing was added or changed here yet. Add an entry with \"kb add question …\", or see what the bot missed with \"kb misses\".");
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{list.Count} entr{(list.Count == 1 ? "y" : "ies")}{(filter is null ? string.Empty : " (" + filter + ")")}:\n"));
        foreach (var s in list)
        {
            var status = (s.Shared, s.Removed, s.Entry is null) switch
            {
                (true, true, _) => "shared, hidden",
                (true, false, false) => "shared, overridden",
                (true, false, true) => "shared",
                (false, true, _) => "removed",
                _ => "own",
            };
            var title = s.Entry?.Title ?? Shared.Find(s.EntryId)?.Title ?? string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"  {s.EntryId} [{status}, rev {s.Revision}, {s.At:yyyy-MM-dd} by {s.By}] {Short(title, 70)}\n");
        }

        return new ModerationReply(ModerationOutcome.Shown, text.ToString().TrimEnd());
    }

    /// <summary>
    /// <c>kb misses</c>: the questions asked here that the bot missed or that people found
    /// unhelpful, most frequent first, each with the commands that would fix it.
    /// </summary>
    public async Task<ModerationReply> MissesAsync(string scope, int limit, CancellationToken cancellationToken)
    {
        var engine = answers.EngineFor(scope);
        var tallies = new List<QuestionTally>();
        foreach (var signal in new[] { QuestionSignal.Miss, QuestionSignal.NotHelpful })
        {
            tallies.AddRange(await questionLog.TopInScopeAsync(scope, MissesScanned, signal, cancellationToken));
        }

        var here = tallies
            .Where(t => t.Signal == QuestionSignal.NotHelpful || !engine.Ask(t.Example).Answered)
            .OrderByDescending(t => t.Count).ThenByDescending(t => t.LastAsked)
            .Take(Math.Clamp(limit, 1, 50))
            .ToList();
        if (here.Count == 0)
        {
            return new ModerationReply(ModerationOutcome.Shown, "Nothing to fix: no question asked here is still missed, and no answer was marked not helpful.");
        }

        var text = new StringBuilder("Most frequent questions still missed here, and answers marked not helpful:\n");
        var commands = new List<string>();
        var misses = new List<MissedQuestion>();
        var n = 0;
        foreach (var t in here)
        {
            n++;
            var kind = t.Signal == QuestionSignal.Miss ? "missed" : $"not helpful{(t.EntryId is { } id ? " [" + id + "]" : string.Empty)}";
            text.Append(CultureInfo.InvariantCulture, $"{n}. \"{t.Example}\" ({kind}, {t.Count}×, last {t.LastAsked:yyyy-MM-dd})\n");
            var (closest, quote) = engine.Closest(t.Example);
            var add = $"kb add question {t.Example} | {EntryRules.AnswerPlaceholder} | cite: \"{quote?.Quote ?? "QUOTE FROM THE ESSAY"}\"";
            text.Append(CultureInfo.InvariantCulture, $"   create an entry: {add}\n");
            commands.Add(add);
            var target = t.EntryId ?? closest?.Id;
            if (target is not null)
            {
                var phrase = $"kb phrase {target} \"{t.Example}\"";
                text.Append(CultureInfo.InvariantCulture, $"   or add as a phrasing of {target}: {phrase}\n");
                commands.Add(phrase);
            }

            misses.Add(new MissedQuestion(t.Example, t.Signal, t.Count, t.LastAsked, t.EntryId, quote?.Quote, target));
        }

        return new ModerationReply(ModerationOutcome.Shown, text.ToString().TrimEnd()) { Commands = commands, Misses = misses };
    }

    /// <summary>
    /// A question (or term) the scope already has, word for word or as the bot's confident answer:
    /// editing that entry is the fix, not a second one that would compete with it.
    /// </summary>
    private ModerationReply? Duplicate(string scope, EntryKind kind, string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var engine = answers.EngineFor(scope);
        var key = KnowledgeIndex.TermKey(title);
        var same = engine.Knowledge.Entries.FirstOrDefault(e => e.Phrasings.Prepend(e.Title).Any(p => KnowledgeIndex.TermKey(p) == key));
        var answer = same is null ? engine.Ask(kind == EntryKind.Term ? "define " + title : title) : null;
        var existing = same ?? (answer is { Answered: true, EntryId: { } id } ? engine.Knowledge.Find(id) : null);
        if (existing is null)
        {
            return null;
        }

        var edit = $"kb edit {existing.Id} | {(existing.Kind == EntryKind.Term ? "definition" : "answer")}: …";
        var phrase = $"kb phrase {existing.Id} \"{title.Trim()}\"";
        var why = same is not null ? "already has this wording" : $"already answers this (confidence {answer!.Confidence:0.00})";
        return new ModerationReply(ModerationOutcome.Duplicate,
            $"Not added: {existing.Id} \"{existing.Title}\" {why}. Improve that entry instead ({edit}), " +
            $"or add your wording to it ({phrase}). If it really is a different question, add \"| force\".")
        {
            EntryId = existing.Id,
            Citations = existing.Citations,
            Commands = [phrase, $"kb show {existing.Id}"],
        };
    }

    private static string Short(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
