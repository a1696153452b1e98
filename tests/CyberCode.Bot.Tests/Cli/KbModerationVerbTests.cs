namespace CyberCode.Bot.Tests.Cli;

/// <summary>The local operator moderates from the command line: the change answers at once, in the next process too.</summary>
[Collection(CliCollection.Name)]
public sealed class KbModerationVerbTests : IDisposable
{
    private const string Missed = "which pact came out of the russian city meeting";
    private const string Quote = "they signed the Agreement on Cooperation in Ensuring International Information Security between the Member States of the SCO at the summit in Yekaterinburg in 2009";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task KbAdd_ThenAsk_AnswersWithTheNewQuote_ThenEditHistoryRevert()
    {
        var before = AnswerObject.Parse((await _cli.RunAsync("ask", "--json", Missed)).Out);
        Assert.False(before.Answered);

        var add = await _cli.RunAsync("kb", "add", "question", "Which pact came out of the Russian city meeting?",
            "--text", "The SCO information-security agreement, signed at the 2009 summit in Yekaterinburg.", "--cite", Quote, "--id", "pact-of-2009");
        Assert.True(add.ExitCode == 0, add.ToString());

        var after = AnswerObject.Parse((await _cli.RunAsync("ask", "--json", Missed)).Out);
        Assert.True(after.Answered);
        Assert.Equal("I.6", after.Citations[0].PassageId);
        Assert.Contains("Yekaterinburg in 2009", after.Citations[0].Quote, StringComparison.Ordinal);

        var edit = await _cli.RunAsync("kb", "edit", "pact-of-2009", "--rev", "1", "--text", "Edited: the 2009 SCO agreement on information security.");
        Assert.True(edit.ExitCode == 0, edit.ToString());
        var stale = await _cli.RunAsync("kb", "edit", "pact-of-2009", "--rev", "1", "--text", "A second edit made from revision one.");
        Assert.Equal(1, stale.ExitCode);
        Assert.Contains("Edited: the 2009 SCO agreement", stale.Error, StringComparison.Ordinal);

        var history = await _cli.RunAsync("kb", "history", "pact-of-2009");
        Assert.Contains("rev 2", history.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("kb", "revert", "pact-of-2009", "1")).ExitCode);
        var reverted = AnswerObject.Parse((await _cli.RunAsync("ask", "--json", Missed)).Out);
        Assert.StartsWith("The SCO information-security agreement", reverted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbImport_WithoutApply_IsADryRunThatChangesNothing()
    {
        var file = Path.Combine(_cli.Folder, "import.yaml");
        await File.WriteAllTextAsync(file, $"questions:\n  - id: pact-of-2009\n    question: Which pact came out of the Russian city meeting?\n    answer: The SCO agreement signed at Yekaterinburg in 2009.\n    cite:\n      - \"{Quote}\"\n");

        var dry = await _cli.RunAsync("kb", "import", file);

        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Contains("Dry run", dry.Out, StringComparison.Ordinal);
        Assert.Contains("add pact-of-2009", dry.Out, StringComparison.Ordinal);
        Assert.False(AnswerObject.Parse((await _cli.RunAsync("ask", "--json", Missed)).Out).Answered);

        Assert.Equal(0, (await _cli.RunAsync("kb", "import", file, "--apply")).ExitCode);
        Assert.True(AnswerObject.Parse((await _cli.RunAsync("ask", "--json", Missed)).Out).Answered);
        var export = await _cli.RunAsync("kb", "export");
        Assert.Contains("id: pact-of-2009", export.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbAdd_QuoteNotInTheEssay_ExitsOneNamingTheClosestPassage()
    {
        var add = await _cli.RunAsync("kb", "add", "question", "What did they sign?", "--text", "An agreement on security.", "--cite", "they signed the Agreement on Global Information Safety");

        Assert.Equal(1, add.ExitCode);
        Assert.Contains("closest passage", add.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was added or changed here yet", (await _cli.RunAsync("kb", "list")).Out, StringComparison.Ordinal);
    }
}
