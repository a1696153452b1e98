using CyberCode.Core.Evaluation;

namespace CyberCode.Core.Tests.Evaluation;

/// <summary>
/// Our own questions (bench/eval/own.jsonl), written without looking at the entries: the odd
/// lines were never used to choose weights or thresholds, so they show how the bot does on
/// questions it was not fitted to. The floors sit a little under today's figures to catch a
/// regression, not to describe the goal.
/// </summary>
public sealed class OwnQuestionsTests
{
    [Fact]
    public void Eval_CheckingHalfOfOwnQuestions_StaysAboveTheFloor()
    {
        using var reader = File.OpenText(Path.Combine(Repo.Root, "bench", "eval", "own.jsonl"));
        var items = Evaluator.ReadItems(reader).Where((_, i) => i % 2 == 1).ToList();

        var report = Evaluator.Run(Repo.Engine, items);

        Assert.True(report.Top1 >= 0.70, report.Summary);
        Assert.True(report.Top3 >= 0.78, report.Summary);
        Assert.True(report.Abstain >= 0.75, report.Summary);
    }

    [Fact]
    public void Normalize_FollowsTheEvaluationRules() =>
        Assert.Equal("the code's \"abc\" ability", Evaluator.Normalize("The  Code’s “ＡＢＣ”\n abili[EF12]ty"));
}
