using System.Globalization;

namespace CyberCode.Core.Answering;

/// <summary>What the confidence of a ranked answer is computed from (all in 0..1).</summary>
/// <param name="Score">The fused score of the top candidate.</param>
/// <param name="Margin">How far it leads the best candidate that would cite another passage.</param>
/// <param name="Coverage">Share of the question's weight in words the essay or the knowledge uses.</param>
/// <param name="Cosine">The semantic model's best cosine for the top candidate.</param>
/// <param name="IsEntry">1 when the top candidate is a curated entry, 0 for a bare passage.</param>
/// <param name="WordScore">The top candidate's score from words alone.</param>
/// <param name="WordsAgree">1 when the best candidate by words alone would cite the same passage.</param>
/// <param name="MeaningAgrees">1 when the best candidate by meaning alone would cite the same passage.</param>
internal sealed record ConfidenceFeatures(double Score, double Margin, double Coverage, double Cosine, double IsEntry, double WordScore, double WordsAgree, double MeaningAgrees)
{
    public const int Count = 8;

    public double[] ToArray() => [Score, Margin, Coverage, Cosine, IsEntry, WordScore, WordsAgree, MeaningAgrees];
}

/// <summary>
/// Turns the evidence for the top candidate into the probability that it is the right answer: a
/// logistic model whose weights were fitted on our own questions (bench/eval/own.jsonl and
/// tune.jsonl) with <c>bench --tune</c>, and checked on holdout.jsonl and shared/eval/dev.jsonl.
/// The score alone cannot tell "close to a passage about something else" from "close to the right
/// passage"; how far the top leads the runner-up, whether words and meaning point to the same
/// passage, and whether the question's words are the essay's at all, can. Used when semantic
/// matching is ready; with words alone, the fused score is the confidence, as in issue 2.
/// </summary>
internal sealed record Calibration(double Bias, IReadOnlyList<double> Weights)
{
    public static Calibration Default { get; } = new(-5.44, [2.39, 2.52, 2.61, 2.81, 0.29, -1.41, 0.01, 0.70]);

    public double Probability(ConfidenceFeatures features)
    {
        var x = features.ToArray();
        var z = Bias;
        for (var i = 0; i < x.Length && i < Weights.Count; i++)
        {
            z += Weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"new({Bias:0.00}, [{string.Join(", ", Weights.Select(w => w.ToString("0.00", CultureInfo.InvariantCulture)))}])");
}
