using System.Collections.Concurrent;
using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;

namespace CyberCode.Core.Answering;

/// <summary>The engine that answers in a scope now, and a number that changes whenever it is replaced.</summary>
/// <param name="Version">Part of the answer cache's key, so an answer given before a change is never served after it.</param>
internal sealed record ScopedEngine(AnswerEngine Engine, long Version);

/// <summary>
/// Which engine answers in which scope. A scope whose moderators changed nothing uses the shared
/// engine, built once from <c>knowledge/</c>. A scope with its own entries, hides or overrides gets
/// an engine of its own over the shared entries as that scope sees them: rebuilt whole on each
/// change (tens of milliseconds), so its answers rank exactly as the shared ones do, with the
/// same statistics, rather than merging scores from two indexes that could not be compared.
/// Only scopes with changes cost memory.
/// </summary>
public sealed class ScopedAnswers
{
    private readonly AnswerEngine _shared;
    private readonly SemanticMatcher? _semantic;
    private readonly ConcurrentDictionary<string, ScopedEngine> _scopes = new(StringComparer.Ordinal);
    private readonly Lock _buildGate = new();
    private readonly ScopedEngine _sharedView;
    private long _version;

    public ScopedAnswers(AnswerEngine shared, SemanticMatcher? semantic = null)
    {
        ArgumentNullException.ThrowIfNull(shared);
        _shared = shared;
        _semantic = semantic;
        _sharedView = new ScopedEngine(shared, 0);
    }

    /// <summary>The shared knowledge from <c>knowledge/</c>.</summary>
    public KnowledgeBase Shared => _shared.Knowledge;

    /// <summary>The engine answering in a scope (the shared one when the scope changed nothing).</summary>
    public AnswerEngine EngineFor(string? scopeId) => For(scopeId).Engine;

    internal ScopedEngine For(string? scopeId) =>
        _scopes.TryGetValue(Scopes.Of(scopeId), out var view) ? view : _sharedView;

    /// <summary>
    /// Makes <paramref name="states"/> (every state of the scope, as stored) what the scope sees
    /// from the next question on.
    /// </summary>
    public void Rebuild(string scope, IReadOnlyList<ScopedEntry> states)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentNullException.ThrowIfNull(states);

        // One build at a time: two changes in quick succession must not end with the older view.
        lock (_buildGate)
        {
            var active = states.Where(s => s.Scope == scope && s.ChangesAnything).ToList();
            if (active.Count == 0)
            {
                _scopes.TryRemove(scope, out _);
                Interlocked.Increment(ref _version);
                return;
            }

            var byId = active.ToDictionary(s => s.EntryId, StringComparer.OrdinalIgnoreCase);
            var entries = new List<Entry>(Shared.Entries.Count + active.Count);
            var own = new List<Entry>();
            foreach (var entry in Shared.Entries)
            {
                if (!byId.TryGetValue(entry.Id, out var state))
                {
                    entries.Add(entry);
                }
                else if (!state.Removed && state.Entry is { } local)
                {
                    entries.Add(local);
                    own.Add(local);
                }
            }

            var curatedIds = Shared.Entries.Select(e => e.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var state in active.Where(s => !s.Removed && s.Entry is not null && !curatedIds.Contains(s.EntryId)))
            {
                entries.Add(state.Entry!);
                own.Add(state.Entry!);
            }

            var knowledge = new KnowledgeBase(Shared.Essay, entries, Shared.Synonyms, Shared.Filler)
            {
                QuizItems = Shared.QuizItems,
                QuizGeneration = Shared.QuizGeneration,
            };
            var replaced = active.Select(s => "e:" + s.EntryId).ToHashSet(StringComparer.Ordinal);
            var semantic = _semantic is null ? null : new ScopedSemantic(_semantic, own, replaced);

            // The engine it replaces is left to the garbage collector rather than disposed: a
            // question in flight on another thread may still be searching it.
            var engine = AnswerEngine.CreateScoped(knowledge, semantic);
            _scopes[scope] = new ScopedEngine(engine, Interlocked.Increment(ref _version));
        }
    }

    /// <summary>The scopes that have engines of their own.</summary>
    public IReadOnlyCollection<string> ChangedScopes => [.. _scopes.Keys];
}
