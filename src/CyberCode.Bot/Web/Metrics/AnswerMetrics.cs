using System.Diagnostics.Metrics;
using CyberCode.Core.Answering;

namespace CyberCode.Bot.Web.Metrics;

/// <summary>
/// The bot's own instruments on the <c>CyberCode</c> meter, exported at <c>/metrics</c> as
/// <c>cybercode_answers_total</c>, <c>cybercode_declines_total</c> and
/// <c>cybercode_answer_duration_seconds</c>. Every channel adapter records through this, so the
/// figures cover web, Discord and Teams alike (the <c>channel</c> tag tells them apart).
/// </summary>
internal sealed class AnswerMetrics
{
    public const string MeterName = "CyberCode";

    // Answers take about a millisecond; the default buckets (0 to 10 000) would put all in one.
    private static readonly double[] LatencyBuckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    private readonly Counter<long> _answers;
    private readonly Counter<long> _declines;
    private readonly Histogram<double> _duration;

    public AnswerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _answers = meter.CreateCounter<long>(
            "cybercode.answers", "{answer}", "Replies to questions, by outcome (answered, suggestions, declined, help), kind and channel.");
        _declines = meter.CreateCounter<long>(
            "cybercode.declines", "{answer}", "Questions the essay does not cover, which the bot declined (kind decline), by channel.");
        _duration = meter.CreateHistogram<double>(
            "cybercode.answer.duration", "s", "Time to answer one question, from the question to the reply, miss logging included.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
    }

    public void Record(Answer answer, string channel, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var outcome = new KeyValuePair<string, object?>("outcome", Outcome(answer));
        var kind = new KeyValuePair<string, object?>("kind", answer.Kind);
        var where = new KeyValuePair<string, object?>("channel", channel);
        _answers.Add(1, outcome, kind, where);
        if (answer.Kind == AnswerKinds.Decline)
        {
            _declines.Add(1, where);
        }

        _duration.Record(elapsed.TotalSeconds, outcome, where);
    }

    /// <summary>
    /// What happened for the person: an answer, only "did you mean", the help text, or nothing
    /// useful (a decline, a refusal of an over-long paste, an unknown passage id).
    /// </summary>
    public static string Outcome(Answer answer) => answer switch
    {
        { Answered: true } => "answered",
        { Kind: AnswerKinds.Suggestions } => "suggestions",
        { Kind: AnswerKinds.Help } => "help",
        _ => "declined",
    };
}
