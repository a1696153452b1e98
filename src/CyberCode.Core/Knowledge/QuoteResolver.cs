namespace CyberCode.Core.Knowledge;

/// <summary>The result of looking a quote up in the essay: a citation, or why there is none.</summary>
public sealed record QuoteResolution(Citation? Citation, string? Problem)
{
    public bool Resolved => Citation is not null;
}

/// <summary>
/// Finds a quote in the essay after <see cref="TextNormalizer"/> normalisation and maps it back
/// to a character span of the passage as published. A quote must sit inside one passage and
/// occur in only one, so every citation points at exactly one place.
/// </summary>
public sealed class QuoteResolver
{
    private readonly (Passage Passage, string Normalized, int[] Map)[] _passages;

    public QuoteResolver(Essay essay)
    {
        ArgumentNullException.ThrowIfNull(essay);
        _passages = essay.Passages
            .Select(p =>
            {
                var (text, map) = TextNormalizer.NormalizeWithMap(p.Text);
                return (p, text, map);
            })
            .ToArray();
    }

    public QuoteResolution Resolve(string quote)
    {
        var needle = TextNormalizer.Normalize(quote ?? string.Empty);
        if (needle.Length == 0)
        {
            return new QuoteResolution(null, "the quote is empty");
        }

        if (needle.Length < 12)
        {
            return new QuoteResolution(null, "the quote is too short to point at one place (write at least 12 characters)");
        }

        var hits = new List<(Passage Passage, int Start, int Length)>();
        foreach (var (passage, normalized, map) in _passages)
        {
            var at = normalized.IndexOf(needle, StringComparison.Ordinal);
            if (at >= 0)
            {
                var start = map[at];
                var end = map[at + needle.Length - 1] + 1;
                hits.Add((passage, start, end - start));
            }
        }

        if (hits.Count == 1)
        {
            var (p, s, l) = hits[0];
            return new QuoteResolution(new Citation(p.Id, p.Section, p.Text.Substring(s, l), s, l), null);
        }

        if (hits.Count > 1)
        {
            return new QuoteResolution(null, $"the quote occurs in {string.Join(", ", hits.Select(h => h.Passage.Id))}; lengthen it so it points at one passage");
        }

        var closest = Closest(needle);
        return new QuoteResolution(null, $"the quote is not in the essay; closest passage {closest.Id}: \"{closest.Excerpt}\"");
    }

    /// <summary>
    /// The passage that shares the most words with the quote, and the stretch of it that matches
    /// best, so an author can see the wording they meant.
    /// </summary>
    internal (string Id, string Excerpt) Closest(string needle)
    {
        var wanted = Words(needle);
        var best = _passages
            .Select(p => (p, Score: Words(p.Normalized).Intersect(wanted, StringComparer.OrdinalIgnoreCase).Count()))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.p.Passage.Order)
            .First().p;

        // Slide a window of the quote's word count across the passage and keep the best overlap.
        var words = best.Normalized.Split(' ');
        var size = Math.Clamp(wanted.Count + 4, 6, words.Length);
        var bestStart = 0;
        var bestScore = -1;
        for (var i = 0; i + size <= words.Length; i++)
        {
            var score = words.Skip(i).Take(size).Count(w => wanted.Contains(Trim(w)));
            if (score > bestScore)
            {
                bestScore = score;
                bestStart = i;
            }
        }

        var excerpt = string.Join(' ', words.Skip(bestStart).Take(size));
        return (best.Passage.Id, (bestStart > 0 ? "…" : string.Empty) + excerpt + (bestStart + size < words.Length ? "…" : string.Empty));
    }

    private static HashSet<string> Words(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Trim).Where(w => w.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string Trim(string w) => w.Trim('"', '\'', ',', '.', ';', ':', '(', ')', '?', '!').ToLowerInvariant();
}
