using CyberCode.Core.Answering;

namespace CyberCode.Bot.Tests.Cli;

/// <summary><c>cybercode chat</c> with standard input redirected, as a script or a pipe would use it.</summary>
[Collection(CliCollection.Name)]
public sealed class ChatTests : IDisposable
{
    private const string CitationLine = @"\u2014 (I|II|III|N)\.\d+, \S";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Chat_QuestionNumberQuit_AnswersWithACitation_ExitZero()
    {
        var result = await _cli.RunWithInputAsync("define SCO\n1\nquit\n", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SCO", result.Out, StringComparison.Ordinal);
        Assert.Matches(CitationLine, result.Out);
    }

    [Fact]
    public async Task Chat_NumberAfterSuggestions_AsksThatSuggestion()
    {
        var result = await _cli.RunWithInputAsync("what is the recipe for pancakes\n1\nquit\n", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"({AnswerEngine.Starters[0]})", result.Out, StringComparison.Ordinal);
        Assert.Matches(CitationLine, result.Out);
    }

    [Fact]
    public async Task Chat_Quit_StopsReading()
    {
        var result = await _cli.RunWithInputAsync("quit\ndefine cyber sovereignty\n", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotMatch(CitationLine, result.Out);
    }

    [Fact]
    public async Task Chat_EndOfInputWithoutQuit_EndsCleanly()
    {
        var result = await _cli.RunWithInputAsync("define cyber sovereignty", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\u2014 II\.5, ", result.Out);
    }

    [Fact]
    public async Task Chat_QuestionThenQuit_AnswersWithItsPassage()
    {
        // With no verb the executable now serves (Web/ProcessTests); the chat is the "chat" verb.
        var result = await _cli.RunWithInputAsync("define cyber sovereignty\nquit\n", "chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"\u2014 II\.5, ", result.Out);
    }
}
