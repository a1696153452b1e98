namespace CyberCode.Bot.Tests.Cli;

/// <summary><c>cybercode ask</c>: a question in, an answer that quotes the essay out.</summary>
[Collection(CliCollection.Name)]
public sealed class AskTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ask_Json_DefineCyberSovereignty_CitesII5()
    {
        var result = await _cli.RunAsync("ask", "define cyber sovereignty", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.OutLines);
        var answer = AnswerObject.Parse(result.Out);
        Assert.Equal("define cyber sovereignty", answer.Question);
        Assert.True(answer.Answered);
        Assert.Equal("definition", answer.Kind);
        Assert.InRange(answer.Confidence, 0.5, 1.0);
        Assert.NotEmpty(answer.Citations);
        var first = answer.Citations[0];
        Assert.Equal("II.5", first.PassageId);
        Assert.StartsWith("Part II", first.Section, StringComparison.Ordinal);
        Assert.Contains("Cyber sovereignty means", first.PassageText, StringComparison.Ordinal);
        Assert.NotNull(answer.Suggestions);
    }

    [Fact]
    public async Task Ask_Json_WritesNothingButTheObject()
    {
        var result = await _cli.RunAsync("ask", "define cyber sovereignty", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.StartsWith("{", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("}", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_PlainText_ShowsAnswerThenQuoteWithPassageIdAndSection()
    {
        var result = await _cli.RunAsync("ask", "define cyber sovereignty");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Cyber sovereignty means", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"\u2014 II\.5, Part II", result.Out);
    }

    [Fact]
    public async Task Ask_QuestionInSeveralArguments_IsJoinedIntoOneQuestion()
    {
        var result = await _cli.RunAsync("ask", "define", "cyber", "sovereignty", "--json");

        Assert.Equal(0, result.ExitCode);
        var answer = AnswerObject.Parse(result.Out);
        Assert.Equal("define cyber sovereignty", answer.Question);
        Assert.Equal("II.5", answer.Citations[0].PassageId);
    }

    [Fact]
    public async Task Ask_Jsonl_ThreeLines_PrintsThreeObjectsInOrder_EmptyLineGetsHelp()
    {
        var result = await _cli.RunWithInputAsync("define cyber sovereignty\n\nwhat changed in 2015\n", "ask", "--jsonl");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, result.OutLines.Count);
        var answers = result.OutLines.Select(AnswerObject.Parse).ToArray();

        Assert.Equal("define cyber sovereignty", answers[0].Question);
        Assert.True(answers[0].Answered);
        Assert.Equal("II.5", answers[0].Citations[0].PassageId);

        Assert.Equal(string.Empty, answers[1].Question);
        Assert.False(answers[1].Answered);
        Assert.Equal("help", answers[1].Kind);
        Assert.NotEmpty(answers[1].Suggestions);

        Assert.Equal("what changed in 2015", answers[2].Question);
        Assert.True(answers[2].Answered);
        Assert.NotEmpty(answers[2].Citations);
    }

    [Fact]
    public async Task Ask_Jsonl_OverlongLine_IsRefused_AndTheNextLineIsStillAnswered()
    {
        var input = new string('x', 2500) + "\ndefine cyber sovereignty\n";

        var result = await _cli.RunWithInputAsync(input, "ask", "--jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.OutLines.Count);
        Assert.Equal("refusal", AnswerObject.Parse(result.OutLines[0]).Kind);
        Assert.True(AnswerObject.Parse(result.OutLines[1]).Answered);
    }

    [Fact]
    public async Task Ask_Json_UnknownTopic_DeclinesWithSuggestions()
    {
        var result = await _cli.RunAsync("ask", "what is the recipe for pancakes", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = AnswerObject.Parse(result.Out);
        Assert.False(answer.Answered);
        Assert.Empty(answer.Citations);
        Assert.NotEmpty(answer.Suggestions);
        Assert.All(answer.Suggestions, s => Assert.False(string.IsNullOrWhiteSpace(s)));
    }

    [Fact]
    public async Task Ask_Explain_PrintsRankingOnStandardError_AndTheAnswerOnStandardOutput()
    {
        var result = await _cli.RunAsync("ask", "define cyber sovereignty", "--json", "--explain");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("II.5", AnswerObject.Parse(result.Out).Citations[0].PassageId);
        Assert.Contains("request:", result.Error, StringComparison.Ordinal);
    }
}
