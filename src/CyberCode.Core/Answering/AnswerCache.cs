using System.Collections.Concurrent;
using CyberCode.Core.Answering.Semantic;

namespace CyberCode.Core.Answering;

/// <summary>
/// Answers to questions asked before. Retrieval and ranking cost one to two milliseconds of CPU,
/// which caps a two-core host at about a thousand answers a second; people ask the same questions
/// over and over (a quiz's wording, "define cyber sovereignty"), and a repeat then costs a lookup.
/// An answer depends only on the text, the scope and whether the semantic model is ready, and
/// <see cref="Answer"/> is immutable, so one can be shared by every caller. Two generations
/// approximate least-recently-used without any bookkeeping on a hit.
/// </summary>
internal sealed class AnswerCache
{
    /// <summary>Longer texts are answered every time: a flood of unique pastes must not fill memory.</summary>
    private const int MaxKeyLength = 300;

    private readonly int _capacity;
    private Generation _current = new();
    private Generation _previous = new();

    public AnswerCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public Answer GetOrAdd(string? text, string? scope, SemanticState semantic, Func<string?, Answer> answer) =>
        GetOrAdd(text, scope, 0, semantic, answer);

    /// <param name="version">What the scope's knowledge is now (<see cref="ScopedEngine.Version"/>): answers from before a moderator's change are not served after it.</param>
    public Answer GetOrAdd(string? text, string? scope, long version, SemanticState semantic, Func<string?, Answer> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (text is null || text.Length > MaxKeyLength)
        {
            return answer(text);
        }

        var key = new Key(text, scope, version, semantic);
        if (Volatile.Read(ref _current).Answers.TryGetValue(key, out var hit))
        {
            return hit;
        }

        if (Volatile.Read(ref _previous).Answers.TryGetValue(key, out hit))
        {
            Add(key, hit);
            return hit;
        }

        var fresh = answer(text);
        Add(key, fresh);
        return fresh;
    }

    private void Add(Key key, Answer value)
    {
        var current = Volatile.Read(ref _current);
        if (current.Answers.TryAdd(key, value) && Interlocked.Increment(ref current.Count) == _capacity)
        {
            // Exactly one caller sees the count reach the capacity, so exactly one moves it on.
            Volatile.Write(ref _previous, current);
            Volatile.Write(ref _current, new Generation());
        }
    }

    private readonly record struct Key(string Text, string? Scope, long Version, SemanticState Semantic);

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<Key, Answer> Answers = new();
        public int Count;
    }
}
