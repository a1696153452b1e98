using CyberCode.Core.Answering;
using CyberCode.Core.Evaluation;

namespace CyberCode.Core.Tests.Evaluation;

/// <summary>How sure a score is: the 95% Wilson interval printed by <c>cybercode eval</c>.</summary>
public sealed class IntervalTests
{
    [Theory]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(5, 10, 0.2366, 0.7634)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(119, 132, 0.8388, 0.9415)]
    [InlineData(24, 28, 0.6851, 0.9430)]
    public void Wilson_MatchesTheTextbookValues(int right, int of, double low, double high)
    {
        var interval = EvalReport.Wilson(right, of);

        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    [Fact]
    public void Intervals_CountTheAnswerableAndTheAbstainQuestionsApart()
    {
        EvalOutcome Outcome(string type, bool top1, bool top3, bool answered) =>
            new(new EvalItem(type + top1 + top3 + answered, "q", type, type == "abstain" ? [] : ["gold"]), new Answer("q", answered, AnswerKinds.Decline, "", 0, [], []), top1, top3, 1);
        var report = new EvalReport(
            [Outcome("fact", true, true, true), Outcome("fact", false, true, true), Outcome("fact", false, false, false), Outcome("abstain", false, false, false)],
            [], 1 / 3.0, 2 / 3.0, 1.0);

        var text = report.Intervals();

        Assert.StartsWith("95% intervals: top1 ", text, StringComparison.Ordinal);
        Assert.Contains("(1 of 3)", text, StringComparison.Ordinal);
        Assert.Contains("(2 of 3)", text, StringComparison.Ordinal);
        Assert.Contains("abstain 0.207–1.000 (1 of 1)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Intervals_WithNoAbstainQuestion_SayNothingForIt()
    {
        var report = new EvalReport([], [], double.NaN, double.NaN, double.NaN);

        Assert.Equal("95% intervals: top1 -, top3 -, abstain -", report.Intervals());
    }
}
