using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Answering;

/// <summary>A target with the evidence for it.</summary>
/// <param name="Score">The fused score, 0..1: the candidates' order and the answer's confidence.</param>
/// <param name="WordScore">The score from words alone, before the question's coverage is applied.</param>
/// <param name="SurfaceMatch">Best Dice match with a way of asking for an entry.</param>
/// <param name="BodyMatch">Share of the question the entry's answer or the passage covers.</param>
/// <param name="Lexical">BM25, normalised to the best hit.</param>
/// <param name="Semantic">Best cosine with the target's texts, or null when semantic matching is not in use.</param>
internal sealed record Candidate(Target Target, double Score, double WordScore, double SurfaceMatch, double BodyMatch, double Lexical, double? Semantic);

/// <summary>Which kinds of entry a question is likely after ("when …" → events).</summary>
internal sealed record RankingHints(EntryKind? PreferKind = null);

/// <summary>
/// Ranks entries and passages for a question. Lucene's BM25 picks the candidates; each is then
/// scored by features a person can read: how closely the question matches a way of asking for
/// an entry (weighted Dice over stems), how much of the question the entry's answer or the
/// passage covers (weighted recall), words standing together, and the BM25 score as a tie-break.
/// When the semantic model is ready, its best matches join the candidates and the closeness of
/// meaning is fused with the word score (see <see cref="Fuse"/>).
/// </summary>
internal sealed class Ranker(KnowledgeIndex index, Tuning tuning)
{
    internal const double PhraseBonus = 0.04;
    internal const double MaxPhraseBonus = 0.12;
    internal const double KindBonus = 0.08;
    internal const double DateBonus = 0.12;

    private double EntrySurfaceWeight => tuning.EntrySurface;
    private double EntryBodyWeight => tuning.EntryBody;
    private double PassageWeight => tuning.Passage;
    private double LexicalWeight => tuning.Lexical;

    /// <summary>How many of the semantic model's closest targets join the word-based candidates.</summary>
    internal const int SemanticCandidates = 15;

    public IReadOnlyList<Candidate> Rank(QueryPlan plan, RankingHints hints, SemanticScores? semantic = null, int take = 10)
    {
        if (plan.KnownWeight <= 0 && semantic is null)
        {
            return [];
        }

        var boosts = new List<(string, float)>();
        foreach (var slot in plan.Slots.Where(s => s.Known))
        {
            boosts.Add((slot.Stem, (float)slot.Weight));
            boosts.AddRange(slot.Alternatives.Select(a => (a.Key, (float)(slot.Weight * a.Value))));
        }

        var lexical = boosts.Count > 0 ? index.Search(boosts, 80) : [];
        var maxLexical = lexical.Count > 0 ? lexical.Values.Max() : 1f;
        if (semantic is not null)
        {
            foreach (var key in semantic.Top(SemanticCandidates, tuning.ClassifierWeight))
            {
                lexical.TryAdd(key, 0);
            }
        }

        // Words alone keep coverage^1 (issue 2 chose their thresholds with it); with the model the
        // exponent is chosen together with the fusion and the calibration.
        var coverage = Math.Pow(plan.Coverage, semantic is null ? 1.0 : tuning.CoverageExponent);
        var candidates = new List<Candidate>(lexical.Count);
        foreach (var (key, bm25) in lexical)
        {
            var target = index.TargetsByKey[key];
            var lexicalScore = bm25 / maxLexical;
            double score, surface = 0, body;
            if (target.Entry is { } entry)
            {
                surface = target.Surfaces.Count == 0 ? 0 : target.Surfaces.Max(s => Dice(plan, s));
                body = Recall(plan, target.Body);
                score = (EntrySurfaceWeight * surface) + (EntryBodyWeight * body);
                if (hints.PreferKind == entry.Kind)
                {
                    score += KindBonus;
                }

                if (entry.Date is { } date && plan.Year == date.Year)
                {
                    score += plan.Month is null || plan.Month == date.Month ? DateBonus : DateBonus / 3;
                }
            }
            else
            {
                body = Recall(plan, target.Body);
                score = (PassageWeight * body) + Phrases(plan, target.Sequence);
            }

            score += LexicalWeight * lexicalScore;
            double? closeness = semantic?.Closeness(key, tuning.ClassifierWeight);
            candidates.Add(new Candidate(target, Fuse(score, coverage, closeness), score, surface, body, lexicalScore, closeness));
        }

        return candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Target.Key, StringComparer.Ordinal).Take(take).ToArray();
    }

    /// <summary>
    /// One score from words and meaning, also the answer's confidence. The word score is cut by
    /// the share of the question's words the essay knows (a question about things the essay never
    /// names must not ride on one common word); the cosine is mapped linearly from
    /// <see cref="Tuning.SemanticFloor"/> (unrelated, 0) to <see cref="Tuning.SemanticCeiling"/>
    /// (same meaning, 1), and the two are mixed by <see cref="Tuning.SemanticWeight"/>.
    /// A linear mix, rather than rank fusion (RRF), because the result must also be a calibrated
    /// confidence for the answer / "did you mean" / decline decision; the weights and both
    /// thresholds were chosen together on our own questions (bench --tune), see <see cref="Tuning"/>.
    /// </summary>
    internal double Fuse(double wordScore, double coverage, double? cosine)
    {
        var words = Math.Clamp(wordScore, 0, 1) * coverage;
        if (cosine is not { } c)
        {
            return words;
        }

        var meaning = Math.Clamp((c - tuning.SemanticFloor) / (tuning.SemanticCeiling - tuning.SemanticFloor), 0, 1);
        return ((1 - tuning.SemanticWeight) * words) + (tuning.SemanticWeight * meaning);
    }

    /// <summary>Share of the question's known weight that a set of stems covers.</summary>
    internal static double Recall(QueryPlan plan, HashSet<string> stems)
    {
        var matched = 0.0;
        foreach (var slot in plan.Slots)
        {
            if (slot.Known)
            {
                matched += slot.Weight * slot.Match(stems);
            }
        }

        return plan.KnownWeight > 0 ? matched / plan.KnownWeight : 0;
    }

    /// <summary>
    /// Weighted Dice overlap between the question and one way of asking: high only when both say
    /// the same thing, so a long phrasing that merely contains the question's words scores less.
    /// </summary>
    internal static double Dice(QueryPlan plan, WeightedStems surface)
    {
        var matched = 0.0;
        foreach (var slot in plan.Slots)
        {
            if (slot.Known)
            {
                matched += slot.Weight * slot.Match(surface.Stems);
            }
        }

        var denominator = plan.KnownWeight + surface.Weight;
        return denominator > 0 ? Math.Min(1.0, 2 * matched / denominator) : 0;
    }

    private static double Phrases(QueryPlan plan, string[] sequence)
    {
        var bonus = 0.0;
        for (var i = 0; i + 1 < plan.Slots.Count && bonus < MaxPhraseBonus; i++)
        {
            var (a, b) = (plan.Slots[i].Stem, plan.Slots[i + 1].Stem);
            for (var j = 0; j + 1 < sequence.Length; j++)
            {
                if (sequence[j] == a && sequence[j + 1] == b)
                {
                    bonus += PhraseBonus;
                    break;
                }
            }
        }

        return Math.Min(bonus, MaxPhraseBonus);
    }
}
