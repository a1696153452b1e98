using System.Text.RegularExpressions;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Learning;
using Microsoft.Extensions.Logging;

namespace CyberCode.Core.Moderation;

/// <summary>
/// Moderators' changes to the knowledge, one method per command, for every channel: a text
/// command goes through <see cref="HandleAsync"/>; a form (a Discord modal, a Teams card) fills a
/// <see cref="KbCommand"/> and calls the same. Each change is stored as a revision and the scope's
/// answers are rebuilt before the reply, so the next question in that scope, and only there, sees it.
/// </summary>
public sealed partial class ModerationService(
    IKnowledgeStore store,
    ScopedAnswers answers,
    IQuestionLog questionLog,
    TimeProvider time,
    ILogger<ModerationService> logger)
{
    private readonly EntryRules _rules = new(answers.Shared.Essay);
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private volatile bool _loaded;

    private KnowledgeBase Shared => answers.Shared;

    /// <summary>
    /// Builds every scope's answers from the store, once (at start-up, or before the first message
    /// for the CLI, whose host does not start). Later calls return at once.
    /// </summary>
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded)
            {
                return;
            }

            var all = await store.GetScopedAsync(null, cancellationToken);
            foreach (var scope in all.GroupBy(s => s.Scope, StringComparer.Ordinal))
            {
                answers.Rebuild(scope.Key, [.. scope]);
            }

            _loaded = true;
            LogLoaded(all.Count, answers.ChangedScopes.Count);
        }
        finally
        {
            _loadGate.Release();
        }
    }

    /// <summary>Runs a parsed command for the sender of <paramref name="incoming"/>, checking that they may.</summary>
    public async Task<ModerationReply> HandleAsync(KbCommand command, Incoming incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(incoming);
        if (command.Error is { } error)
        {
            return new ModerationReply(ModerationOutcome.Invalid, error);
        }

        if (!command.IsOpenToAll && Scopes.Of(incoming) == Scopes.SharedOnly)
        {
            return new ModerationReply(ModerationOutcome.NotAllowed,
                "A direct message belongs to no server, so there is no knowledge base to change here. Use /kb (or mention me with \"kb …\") in your server; \"kb show ID\" works here too.");
        }

        if (!incoming.IsModerator && !command.IsOpenToAll)
        {
            return new ModerationReply(ModerationOutcome.NotAllowed,
                "Only moderators can change the knowledge base here. Ask a moderator of this server or team; anyone can read an entry with \"kb show ID\".");
        }

        await EnsureLoadedAsync(cancellationToken);
        var who = Moderator.From(incoming);
        return command.Verb switch
        {
            KbVerb.Add => await AddAsync(who, command, cancellationToken),
            KbVerb.Edit => await EditAsync(who, command.EntryId!, command.Revision, command, cancellationToken),
            KbVerb.Remove => await RemoveAsync(who, command.EntryId!, cancellationToken),
            KbVerb.Restore => await RestoreAsync(who, command.EntryId!, cancellationToken),
            KbVerb.Reset => await ResetAsync(who, command.EntryId!, cancellationToken),
            KbVerb.Revert => await RevertAsync(who, command.EntryId!, command.Revision!.Value, cancellationToken),
            KbVerb.Phrase => await AddPhrasingAsync(who, command.EntryId!, command.Phrase!, cancellationToken),
            KbVerb.Show => await ShowAsync(who.Scope, command.EntryId!, cancellationToken),
            KbVerb.History => await HistoryAsync(who.Scope, command.EntryId!, cancellationToken),
            KbVerb.List => await ListAsync(who, command.Filter, cancellationToken),
            KbVerb.Misses => await MissesAsync(who.Scope, 10, cancellationToken),
            KbVerb.Export => await ExportAsync(who.Scope, cancellationToken),
            KbVerb.Import => await ImportAsync(who, command.Yaml!, command.Apply, cancellationToken),
            _ => new ModerationReply(ModerationOutcome.Shown, KbCommand.Usage),
        };
    }

    /// <summary><c>kb add term|question</c>: a new entry of the scope.</summary>
    public async Task<ModerationReply> AddAsync(Moderator who, KbCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(command);
        var kind = command.Kind ?? EntryKind.Question;
        var states = await StatesAsync(who.Scope, cancellationToken);
        if (command.EntryId is { } wanted && (!IdPattern().IsMatch(wanted) || Shared.Find(wanted) is not null || states.ContainsKey(wanted)))
        {
            var message = $"The id \"{wanted}\" is taken or not lower-case kebab-case; leave \"id:\" out and one is made from the {(kind == EntryKind.Term ? "term" : "question")}.";
            return new ModerationReply(ModerationOutcome.Invalid, message) { Problems = [new EntryProblem(EntryProblem.Id, message)] };
        }

        var id = command.EntryId ?? EntryRules.NewId(kind, command.Title ?? string.Empty, i => Shared.Find(i) is not null || states.ContainsKey(i));
        var (entry, problems) = _rules.Build(id, kind, command.Title, command.Text, command.Cites, command.Phrasings, basis: null);
        if (entry is null)
        {
            return new ModerationReply(ModerationOutcome.Invalid, "Not added:\n" + string.Join('\n', problems.Select(p => p.Message))) { Problems = problems };
        }

        // After the rules, so a moderator fixes a quote once rather than hear of it after "force".
        if (!command.Force && Duplicate(who.Scope, kind, entry.Title) is { } duplicate)
        {
            return duplicate;
        }

        return await ChangeAsync(new EntryChange(who.Scope, id, EntryActions.Added, entry, false, false, 0, who.By), $"Added {id}", cancellationToken);
    }

    /// <summary><c>kb edit ID [rev N]</c>: the scope's own entry, or an override of a shared one.</summary>
    /// <param name="basedOn">The revision the moderator saw; null to edit whatever is current.</param>
    public Task<ModerationReply> EditAsync(Moderator who, string entryId, int? basedOn, KbCommand fields, CancellationToken cancellationToken) =>
        EditAsync(who, entryId, basedOn, fields, action: null, cancellationToken);

    /// <param name="action">What history calls the change; by default "edited", or "overridden" for a shared entry's first change here.</param>
    private async Task<ModerationReply> EditAsync(Moderator who, string entryId, int? basedOn, KbCommand fields, string? action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(fields);
        var (state, current, shared) = await FindAsync(who.Scope, entryId, cancellationToken);
        if (current is null)
        {
            return NotFound(entryId, state);
        }

        var revision = state?.Revision ?? 0;
        if (basedOn is { } seen && seen != revision)
        {
            return Conflict(entryId, seen, state, current);
        }

        var (entry, problems) = _rules.Build(current.Id, current.Kind, fields.Title, fields.Text, fields.Cites, fields.Phrasings, current);
        if (entry is null)
        {
            return new ModerationReply(ModerationOutcome.Invalid, $"Not changed ({entryId} stays at revision {revision}):\n" + string.Join('\n', problems.Select(p => p.Message))) { Problems = problems };
        }

        action ??= shared is not null && state?.Entry is null ? EntryActions.Overridden : EntryActions.Edited;
        return await ChangeAsync(new EntryChange(who.Scope, current.Id, action, entry, state?.Removed ?? false, shared is not null, revision, who.By), $"Edited {current.Id}", cancellationToken);
    }

    /// <summary><c>kb phrase ID "question"</c>: another way of asking for an entry (how a miss becomes an answer).</summary>
    public async Task<ModerationReply> AddPhrasingAsync(Moderator who, string entryId, string phrasing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (state, current, _) = await FindAsync(who.Scope, entryId, cancellationToken);
        if (current is null)
        {
            return NotFound(entryId, state);
        }

        var clean = TextNormalizer.Normalize(phrasing ?? string.Empty);
        if (current.Phrasings.Contains(clean, StringComparer.OrdinalIgnoreCase) || current.Title.Equals(clean, StringComparison.OrdinalIgnoreCase))
        {
            return new ModerationReply(ModerationOutcome.Invalid, $"{entryId} already has the phrasing \"{clean}\".") { EntryId = entryId };
        }

        var edit = new KbCommand(KbVerb.Edit) { Phrasings = [.. current.Phrasings, clean] };
        var reply = await EditAsync(who, entryId, state?.Revision ?? 0, edit, EntryActions.Phrased, cancellationToken);
        return reply.Outcome == ModerationOutcome.Done
            ? reply with { Text = $"Added the phrasing \"{clean}\" to {entryId} (revision {reply.Revision}). Asking it now gives this entry." }
            : reply;
    }

    /// <summary><c>kb remove ID</c>: removes the scope's entry, or hides a shared one here.</summary>
    public async Task<ModerationReply> RemoveAsync(Moderator who, string entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (state, current, shared) = await FindAsync(who.Scope, entryId, cancellationToken);
        if (current is null)
        {
            return NotFound(entryId, state);
        }

        var action = shared is null ? EntryActions.Removed : EntryActions.Hidden;
        var reply = await ChangeAsync(new EntryChange(who.Scope, entryId, action, state?.Entry, true, shared is not null, state?.Revision ?? 0, who.By), (shared is null ? "Removed " : "Hid the shared entry ") + entryId, cancellationToken);
        return reply with { Text = reply.Text + $"\nUndo with \"kb restore {entryId}\"." };
    }

    /// <summary><c>kb restore ID</c>: brings back a removed entry or a hidden shared one.</summary>
    public async Task<ModerationReply> RestoreAsync(Moderator who, string entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (state, _, shared) = await FindAsync(who.Scope, entryId, cancellationToken);
        if (state is not { Removed: true })
        {
            return new ModerationReply(ModerationOutcome.Invalid, $"{entryId} is not removed here, so there is nothing to restore.");
        }

        var action = shared is null ? EntryActions.Restored : EntryActions.Shown;
        return await ChangeAsync(new EntryChange(who.Scope, entryId, action, state.Entry, false, shared is not null, state.Revision, who.By), $"Restored {entryId}", cancellationToken);
    }

    /// <summary><c>kb reset ID</c>: drops the scope's override of a shared entry, showing the shared text again.</summary>
    public async Task<ModerationReply> ResetAsync(Moderator who, string entryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (state, _, shared) = await FindAsync(who.Scope, entryId, cancellationToken);
        if (shared is null || state is not { } s || !s.ChangesAnything)
        {
            return new ModerationReply(ModerationOutcome.Invalid, $"{entryId} is not a shared entry changed here; \"kb remove {entryId}\" removes one of this server's own.");
        }

        return await ChangeAsync(new EntryChange(who.Scope, entryId, EntryActions.Reset, null, false, true, s.Revision, who.By), $"{entryId} shows the shared text again", cancellationToken);
    }

    /// <summary><c>kb revert ID N</c>: makes revision N current again, as a new revision.</summary>
    public async Task<ModerationReply> RevertAsync(Moderator who, string entryId, int revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var history = await store.GetScopedHistoryAsync(who.Scope, entryId, cancellationToken);
        if (history.Count == 0)
        {
            return new ModerationReply(ModerationOutcome.NotFound, $"{entryId} has no history here; \"kb list\" shows what this server changed.");
        }

        if (history.FirstOrDefault(r => r.Revision == revision) is not { } target)
        {
            return new ModerationReply(ModerationOutcome.Invalid, $"{entryId} has revisions 1 to {history[^1].Revision}; \"kb history {entryId}\" lists them.");
        }

        var current = history[^1];
        if (target.Revision == current.Revision)
        {
            return new ModerationReply(ModerationOutcome.Invalid, $"Revision {revision} is already the current one of {entryId}.");
        }

        var shared = Shared.Find(entryId) is not null;
        return await ChangeAsync(new EntryChange(who.Scope, entryId, $"{EntryActions.Reverted} to {revision}", target.Entry, target.Removed, shared, current.Revision, who.By), $"Reverted {entryId} to revision {revision}", cancellationToken);
    }

    /// <summary>Stores one change, rebuilds the scope's answers, and says what happened.</summary>
    private async Task<ModerationReply> ChangeAsync(EntryChange change, string done, CancellationToken cancellationToken)
    {
        var outcome = await ApplyAsync([change], cancellationToken);
        if (outcome.Conflict is { } conflict)
        {
            var (_, current, _) = await FindAsync(change.Scope, change.EntryId, cancellationToken);
            return Conflict(change.EntryId, change.BasedOn, conflict, current);
        }

        var state = outcome.Entries[0];
        var entry = state.Entry ?? (state.Removed ? null : Shared.Find(state.EntryId));
        return new ModerationReply(ModerationOutcome.Done, $"{done} (revision {state.Revision}). It applies from the next question here.")
        {
            EntryId = state.EntryId,
            Revision = state.Revision,
            Citations = entry?.Citations ?? [],
        };
    }

    /// <summary>Stores changes of one scope and makes the scope's answers reflect them before returning.</summary>
    private async Task<ChangeOutcome> ApplyAsync(IReadOnlyList<EntryChange> changes, CancellationToken cancellationToken)
    {
        var outcome = await store.ApplyAsync(changes, cancellationToken);
        if (outcome.Applied)
        {
            // The change is committed whatever happens next; the rebuild must not be cut short by
            // the caller going away, or the scope would answer from the old view until the next change.
            var scope = changes[0].Scope;
            answers.Rebuild(scope, await store.GetScopedAsync(scope, CancellationToken.None));
            LogChanged(scope, changes.Count, changes[0].By);
        }

        return outcome;
    }

    private async Task<Dictionary<string, ScopedEntry>> StatesAsync(string scope, CancellationToken cancellationToken) =>
        (await store.GetScopedAsync(scope, cancellationToken)).ToDictionary(s => s.EntryId, StringComparer.OrdinalIgnoreCase);

    /// <summary>The scope's state of an id, the entry the scope sees (null when removed or unknown), and the shared entry of that id.</summary>
    private async Task<(ScopedEntry? State, Entry? Visible, Entry? Shared)> FindAsync(string scope, string entryId, CancellationToken cancellationToken)
    {
        var states = await StatesAsync(scope, cancellationToken);
        var state = states.GetValueOrDefault(entryId);
        var shared = Shared.Find(entryId);
        var visible = state is { Removed: true } ? null : state?.Entry ?? shared;
        return (state, visible, shared);
    }

    private static ModerationReply NotFound(string entryId, ScopedEntry? state) =>
        state is { Removed: true }
            ? new ModerationReply(ModerationOutcome.NotFound, $"{entryId} is removed here; \"kb restore {entryId}\" brings it back.") { EntryId = entryId, Revision = state.Revision }
            : new ModerationReply(ModerationOutcome.NotFound, $"There is no entry \"{entryId}\" here. \"kb list\" shows this server's entries; answers name the entry they come from.");

    private static ModerationReply Conflict(string entryId, int seen, ScopedEntry? state, Entry? current) =>
        new(ModerationOutcome.Conflict,
            $"Not changed: {entryId} is not at revision {seen}; it is now at revision {state?.Revision ?? 0}" +
            (state is null ? " (the shared text, unchanged here).\n" : $" ({state.At:yyyy-MM-dd HH:mm} UTC, by {state.By}).\n") +
            (current is null ? "It is removed now." : $"Its current text:\n{current.Title}\n{current.Text}") +
            $"\nMake your edit again on this text, with \"kb edit {entryId} rev {state?.Revision ?? 0} | …\".")
        {
            EntryId = entryId,
            Revision = state?.Revision ?? 0,
            Citations = current?.Citations ?? [],
        };

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "Loaded {States} moderator entry states; {Scopes} scope(s) answer from their own view")]
    private partial void LogLoaded(int states, int scopes);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Knowledge changed in scope {Scope}: {Count} change(s) by {By}")]
    private partial void LogChanged(string scope, int count, string by);
}
