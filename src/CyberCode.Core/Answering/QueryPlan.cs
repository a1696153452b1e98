using System.Globalization;

namespace CyberCode.Core.Answering;

/// <summary>
/// One meaningful word of a question: its stem, how much it counts (IDF; filler counts little),
/// whether the knowledge knows it (directly, after typo correction, or through a synonym), and
/// the other stems that may stand in for it.
/// </summary>
internal sealed record Slot(string Word, string Stem, double Weight, bool Known, bool Filler, bool Corrected, IReadOnlyDictionary<string, double> Alternatives)
{
    /// <summary>How well a set of stems covers this slot, from 0 to 1.</summary>
    public double Match(HashSet<string> stems)
    {
        if (stems.Contains(Stem))
        {
            return Corrected ? QueryPlanner.CorrectedFactor : 1.0;
        }

        var best = 0.0;
        foreach (var (alternative, factor) in Alternatives)
        {
            if (factor > best && stems.Contains(alternative))
            {
                best = factor;
            }
        }

        return best;
    }
}

/// <summary>A question turned into weighted slots, with how much of it the essay's vocabulary covers.</summary>
internal sealed record QueryPlan(IReadOnlyList<Slot> Slots, double Coverage, int? Year, int? Month)
{
    public double KnownWeight { get; } = Slots.Where(s => s.Known).Sum(s => s.Weight);

    public bool IsEmpty => Slots.All(s => s.Filler);
}

/// <summary>Builds a <see cref="QueryPlan"/>: stop words out, typos corrected, synonyms added.</summary>
internal sealed class QueryPlanner(KnowledgeIndex index)
{
    public const double CorrectedFactor = 0.9;
    public const double SynonymFactor = 0.7;

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0).Select(m => m.ToLowerInvariant()).ToArray();

    public QueryPlan Plan(string question)
    {
        var words = index.Analyzer.Words(question, userTyped: true);
        int? year = null, month = null;
        var raw = new List<(string Word, string Stem, bool Filler)>();
        foreach (var word in words)
        {
            if (word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 1900 and < 2100)
            {
                year = y;
            }
            else if (Array.IndexOf(Months, word) is var m and >= 0)
            {
                month = m + 1;
            }

            if (index.Analyzer.IsStopWord(word) || index.Analyzer.Stem(word) is not { } stem)
            {
                continue;
            }

            raw.Add((word, stem, index.Filler.Contains(word) || index.FillerStems.Contains(stem)));
        }

        var alternatives = raw.Select(_ => new Dictionary<string, double>(StringComparer.Ordinal)).ToArray();
        var stems = raw.Select(r => r.Stem).ToArray();
        foreach (var rule in index.Synonyms)
        {
            for (var i = 0; i + rule.Phrase.Length <= stems.Length; i++)
            {
                if (!rule.Phrase.AsSpan().SequenceEqual(stems.AsSpan(i, rule.Phrase.Length)))
                {
                    continue;
                }

                for (var k = i; k < i + rule.Phrase.Length; k++)
                {
                    foreach (var other in rule.Others)
                    {
                        alternatives[k][other] = SynonymFactor;
                    }
                }
            }
        }

        var slots = new List<Slot>(raw.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            var (word, stem, filler) = raw[i];
            var corrected = false;
            var known = index.Knows(stem);
            if (!known && !filler && alternatives[i].Count == 0 && index.Correct(word) is { } fixedStem)
            {
                stem = fixedStem;
                known = corrected = true;
            }

            var knownAlternatives = alternatives[i].Where(a => index.Knows(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            if (!seen.Add(stem))
            {
                continue;
            }

            // A word the essay lacks but a synonym of which it has counts at that synonym's weight.
            var weight = known ? index.Idf(stem)
                : knownAlternatives.Count > 0 ? knownAlternatives.Keys.Max(index.Idf)
                : index.MaxIdf;
            if (filler)
            {
                weight *= KnowledgeIndex.FillerFactor;
            }

            slots.Add(new Slot(word, stem, weight, known || knownAlternatives.Count > 0, filler, corrected, knownAlternatives));
        }

        var content = slots.Where(s => !s.Filler).ToList();
        var total = content.Sum(s => s.Weight);
        var coverage = total > 0 ? content.Where(s => s.Known).Sum(s => s.Weight) / total : 0;
        return new QueryPlan(slots, coverage, year, month);
    }
}
