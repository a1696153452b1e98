namespace CyberCode.Bot.Tests.Cli;

/// <summary><c>cybercode passage ID</c>: one passage in full, or the nearest ids.</summary>
[Collection(CliCollection.Name)]
public sealed class PassageTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Passage_KnownId_PrintsThePassageInFull_ExitZero()
    {
        var result = await _cli.RunAsync("passage", "II.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("II.5, Part II", result.Out, StringComparison.Ordinal);
        // The first and the last sentence of the passage, so it is the whole passage.
        Assert.Contains("China is a main character of the SCO.", result.Out, StringComparison.Ordinal);
        Assert.Contains("(Ministry of Foreign Affairs, 2014)", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ii.5")]
    [InlineData("II . 5")]
    public async Task Passage_IdTypedLoosely_IsFound(string id)
    {
        var result = await _cli.RunAsync("passage", id);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("II.5,", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passage_UnknownId_ListsTheNearestIds_ExitOne()
    {
        var result = await _cli.RunAsync("passage", "II.99");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("II.99", result.Out, StringComparison.Ordinal);
        var nearest = Assert.Single(result.OutLines, l => l.StartsWith("Nearest:", StringComparison.Ordinal));
        Assert.Matches(@"^Nearest: II\.\d+(, II\.\d+)*\.$", nearest);
        Assert.Contains("II.9", nearest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0001")]
    [InlineData("\u0001\U0001F642")]
    public async Task Passage_NoId_AsksWhichPassageAndShowsTheIdFormat_ExitOne(string id)
    {
        var result = await _cli.RunAsync("passage", id);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Which passage?", result.Out, StringComparison.Ordinal);
        Assert.Contains("II.1-II.9", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("foo")]
    public async Task Passage_NotAPassageId_SaysThereIsNoSuchPassage_ExitOne(string id)
    {
        // "passage help" must not answer the free question "source help" (an unrelated entry about the sources).
        var result = await _cli.RunAsync("passage", id);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("no passage", result.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nearest:", result.Out, StringComparison.Ordinal);
    }
}
