using System.Text.RegularExpressions;

namespace CyberCode.Bot.Tests.Cli;

/// <summary>A quiz played in <c>cybercode chat</c>, the way a person at a terminal plays it.</summary>
[Collection(CliCollection.Name)]
public sealed partial class QuizChatTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Chat_QuizStart3_NumbersAnswer_EachRevealQuotesAPassage_ThenTheScoreboard()
    {
        var result = await _cli.RunWithInputAsync("quiz start 3\n1\n2\n3\nquiz score\nleaderboard\nquit\n", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        for (var q = 1; q <= 3; q++)
        {
            Assert.Contains($"Question {q} of 3", result.Out, StringComparison.Ordinal);
        }

        Assert.Contains("  1. ", result.Out, StringComparison.Ordinal);
        Assert.Equal(3, RevealLine().Matches(result.Out).Count);
        Assert.True(CitationLine().Matches(result.Out).Count >= 3, result.ToString());
        Assert.Contains("Final scores (3 questions):", result.Out, StringComparison.Ordinal);
        Assert.Contains("No quiz is running here.", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 quiz,", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_QuitDuringAQuiz_EndsItWithItsResults()
    {
        var result = await _cli.RunWithInputAsync("quiz start 5\n1\nquit\n", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Quiz stopped after 2 of 5 questions.", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_PracticeRound_IsAnsweredByNumbers()
    {
        var result = await _cli.RunWithInputAsync("quiz practice 3\n1\n1\n1\nquit\n", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, RevealLine().Matches(result.Out).Count);
        Assert.DoesNotContain("no list to pick from", result.Out, StringComparison.Ordinal);
        Assert.Contains("Final scores (3 questions):", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_QuizOnAnUnknownTopic_ListsTheTopics()
    {
        var result = await _cli.RunWithInputAsync("quiz start 3 astrology\nquit\n", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("There are no questions on \"astrology\". Topics:", result.Out, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[\u2713\u2717] .* The answer is \d\. ", RegexOptions.Multiline)]
    private static partial Regex RevealLine();

    [GeneratedRegex(@"\u2014 (I|II|III|N)\.\d+, \S")]
    private static partial Regex CitationLine();
}
