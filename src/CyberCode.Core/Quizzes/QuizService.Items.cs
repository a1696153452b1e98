namespace CyberCode.Core.Quizzes;

/// <summary>Which items a quiz asks.</summary>
public sealed partial class QuizService
{
    private string TopicsText() =>
        _bank.Topics.Count == 0
            ? "There are no quiz questions yet."
            : "Topics: " + string.Join(", ", _bank.Topics.Select(t => $"{t} ({_bank.ForTopic(t).Count})")) + ". Try \"quiz start 5 " + _bank.Topics[0] + "\".";

    /// <summary>The items of a topic: its exact name, else the one topic that begins with or is begun by it ("treaties" → "treaty").</summary>
    private IReadOnlyList<QuizItem> ForTopic(string? wanted, out string? topic)
    {
        topic = null;
        if (string.IsNullOrWhiteSpace(wanted) || wanted is "all" or "any" or "everything")
        {
            return _bank.Items;
        }

        wanted = wanted.Trim();
        var match = _bank.Topics.FirstOrDefault(t => string.Equals(t, wanted, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var near = _bank.Topics.Where(t => t.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)
                || (t.Length >= 4 && wanted.StartsWith(t[..^1], StringComparison.OrdinalIgnoreCase))).ToList();
            match = near.Count == 1 ? near[0] : null;
        }

        topic = match;
        return match is null ? [] : _bank.ForTopic(match);
    }

    /// <summary>
    /// Misses first (practice), then items not asked here lately in random order, then the ones
    /// asked longest ago: never one twice.
    /// </summary>
    private static List<string> Pick(IReadOnlyList<QuizItem> candidates, int count, IReadOnlyList<string> recent, IReadOnlyList<string> misses)
    {
        var ids = candidates.Select(i => i.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var picked = new List<string>(count);
        picked.AddRange(misses.Where(ids.Contains).Distinct(StringComparer.OrdinalIgnoreCase).Take(count));
        var recentRank = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < recent.Count; i++)
        {
            recentRank.TryAdd(recent[i], i);
        }

        var fresh = candidates.Where(i => !recentRank.ContainsKey(i.Id)).Select(i => i.Id).ToArray();
        Random.Shared.Shuffle(fresh);
        var stale = candidates.Where(i => recentRank.ContainsKey(i.Id)).OrderByDescending(i => recentRank[i.Id]).Select(i => i.Id);
        foreach (var id in fresh.Concat(stale))
        {
            if (picked.Count >= count)
            {
                break;
            }

            if (!picked.Contains(id, StringComparer.OrdinalIgnoreCase))
            {
                picked.Add(id);
            }
        }

        return picked;
    }
}
