namespace CyberCode.Core.Answering;

/// <summary>
/// The knobs of ranking and of the decision between an answer, "did you mean" and a decline.
/// The defaults were chosen by measurement on our own questions (even lines of
/// bench/eval/own.jsonl) and checked on the odd lines; shared/eval/dev.jsonl is only the final
/// check, never the set they are fitted on. <c>dotnet run --project bench/CyberCode.Benchmarks
/// -- --tune</c> repeats the measurement.
/// </summary>
/// <param name="EntrySurface">Weight of the best match between the question and a way of asking for an entry.</param>
/// <param name="EntryBody">Weight of how much of the question an entry's answer and quotes cover.</param>
/// <param name="Passage">Weight of how much of the question a passage covers (passages lack curated phrasings, so they count a little less).</param>
/// <param name="Lexical">Weight of Lucene's BM25 score, normalised to the best hit.</param>
/// <param name="AnswerThreshold">At or above this confidence the bot answers.</param>
/// <param name="SuggestThreshold">At or above this, and below <paramref name="AnswerThreshold"/>, it offers suggestions; below, it declines.</param>
/// <param name="CoverageExponent">How hard a question's words missing from the essay pull its confidence down.</param>
internal sealed record Tuning(
    double EntrySurface = 0.6,
    double EntryBody = 0.4,
    double Passage = 0.75,
    double Lexical = 0.15,
    double AnswerThreshold = 0.5,
    double SuggestThreshold = 0.3,
    double CoverageExponent = 1.0)
{
    public static Tuning Default { get; } = new();
}
