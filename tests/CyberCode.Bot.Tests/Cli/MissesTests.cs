namespace CyberCode.Bot.Tests.Cli;

[Collection(CliCollection.Name)]
public sealed class MissesTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task KbMisses_ListsDeclinedQuestionsMostFrequentFirst_AndNotAnswered()
    {
        await _cli.RunAsync("ask", "what is the best antivirus for windows");
        await _cli.RunAsync("ask", "What is the best antivirus for Windows?");
        await _cli.RunAsync("ask", "who won the 2014 world cup");
        await _cli.RunAsync("ask", "define cyber sovereignty");

        var result = await _cli.RunAsync("kb", "misses");

        Assert.True(result.ExitCode == 0, result.ToString());
        var rows = result.OutLines.Where(l => l.Contains("missed", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("    2", rows[0], StringComparison.Ordinal);
        Assert.Contains("What is the best antivirus for Windows?", rows[0], StringComparison.Ordinal);
        Assert.Contains("(cli)", rows[0], StringComparison.Ordinal);
        Assert.Contains("world cup", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain(result.OutLines, l => l.Contains("sovereignty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KbMisses_NothingRecorded_SaysSo()
    {
        var result = await _cli.RunAsync("kb", "misses");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Nothing to review", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbMisses_BadLimit_IsAFriendlyError()
    {
        var result = await _cli.RunAsync("kb", "misses", "--limit", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--limit must be between 1 and 500", result.Error, StringComparison.Ordinal);
    }
}
