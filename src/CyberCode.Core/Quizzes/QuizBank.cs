using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Quizzes;

/// <summary>
/// Every quiz item the bot can ask: the curated ones from the knowledge, plus those generated
/// from it. Built once per knowledge base; immutable and safe to share.
/// </summary>
public sealed class QuizBank
{
    private readonly Dictionary<string, QuizItem> _byId;

    public QuizBank(IReadOnlyList<QuizItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items;
        _byId = items.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
        Topics = [.. items.Select(i => i.Topic).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlyList<QuizItem> Items { get; }

    /// <summary>The topics people may name in <c>quiz start [topic]</c>, sorted.</summary>
    public IReadOnlyList<string> Topics { get; }

    /// <summary>
    /// The curated items of the knowledge, then items generated from its glossary and timeline
    /// (see <c>generate:</c> in <c>knowledge/quiz.yaml</c>); the same knowledge always gives the same bank.
    /// </summary>
    public static QuizBank From(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return new QuizBank([.. knowledge.QuizItems, .. QuizGeneration.FromGlossary(knowledge), .. QuizGeneration.FromTimeline(knowledge)]);
    }

    /// <summary>The items of one origin, e.g. only the curated ones.</summary>
    public IReadOnlyList<QuizItem> OfOrigin(QuizOrigin origin) => [.. Items.Where(i => i.Origin == origin)];

    public QuizItem? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The items of one topic (case-insensitive), or every item when <paramref name="topic"/> is empty.</summary>
    public IReadOnlyList<QuizItem> ForTopic(string? topic) =>
        string.IsNullOrWhiteSpace(topic)
            ? Items
            : [.. Items.Where(i => string.Equals(i.Topic, topic.Trim(), StringComparison.OrdinalIgnoreCase))];
}
