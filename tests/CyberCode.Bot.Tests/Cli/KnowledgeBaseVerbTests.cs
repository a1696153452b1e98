using System.Globalization;
using System.Text.RegularExpressions;

namespace CyberCode.Bot.Tests.Cli;

/// <summary><c>cybercode kb validate</c> and <c>kb seed</c>.</summary>
[Collection(CliCollection.Name)]
public sealed partial class KnowledgeBaseVerbTests : IDisposable
{
    private const string MadeUpQuote = "Pancakes are served with maple syrup in every member state of the SCO.";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task KbValidate_ShippedKnowledge_IsValid_ExitZero()
    {
        var result = await _cli.RunAsync("kb", "validate");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("OK: ", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task KbValidate_QuoteNotInTheEssay_ExitsOneNamingFileEntryQuoteAndClosestPassage()
    {
        _cli.KnowledgePath = _cli.CopyKnowledge();
        var entryId = AlterFirstQuote(Path.Combine(_cli.KnowledgePath, "questions.yaml"));

        var result = await _cli.RunAsync("kb", "validate");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("questions.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains(entryId, result.Error, StringComparison.Ordinal);
        Assert.Contains(MadeUpQuote, result.Error, StringComparison.Ordinal);
        Assert.Contains("closest passage", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("OK:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithAQuoteNotInTheEssay_RefusesToStart_ExitTwoNamingTheEntry()
    {
        _cli.KnowledgePath = _cli.CopyKnowledge();
        var entryId = AlterFirstQuote(Path.Combine(_cli.KnowledgePath, "questions.yaml"));

        var result = await _cli.RunAsync("ask", "define cyber sovereignty", "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("questions.yaml", result.Error, StringComparison.Ordinal);
        Assert.Contains(entryId, result.Error, StringComparison.Ordinal);
        Assert.Contains(MadeUpQuote, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbSeed_Twice_AddsEverythingThenChangesNothing()
    {
        var entries = int.Parse(OkLine().Match((await _cli.RunAsync("kb", "validate")).Out).Groups["entries"].Value, CultureInfo.InvariantCulture);

        var first = await _cli.RunAsync("kb", "seed");
        var second = await _cli.RunAsync("kb", "seed");

        Assert.True(first.ExitCode == 0, first.ToString());
        var added = SeedLine().Match(first.Out);
        Assert.True(added.Success, first.ToString());
        Assert.Equal(entries, int.Parse(added.Groups["added"].Value, CultureInfo.InvariantCulture));
        Assert.Equal("0", added.Groups["updated"].Value);
        Assert.Equal("0", added.Groups["removed"].Value);
        Assert.True(File.Exists(_cli.DatabasePath), $"The database was not created at Storage__DatabasePath ({_cli.DatabasePath}).");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("0 added, 0 updated, 0 removed", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbStats_CountsPassagesAndEntries()
    {
        var result = await _cli.RunAsync("kb", "stats");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(result.OutLines, l => l.StartsWith("Passages: ", StringComparison.Ordinal));
        Assert.Contains(result.OutLines, l => l.StartsWith("Total ", StringComparison.Ordinal));
    }

    /// <summary>Replaces the first quote of the first entry with a sentence the essay does not have; returns the entry's id.</summary>
    private static string AlterFirstQuote(string questionsFile)
    {
        var yaml = File.ReadAllText(questionsFile);
        var cite = FirstCite().Match(yaml);
        Assert.True(cite.Success, $"No double-quoted cite in {questionsFile} to alter.");
        var id = EntryId().Matches(yaml[..cite.Index]).Last().Groups["id"].Value;
        var quote = cite.Groups["quote"];
        File.WriteAllText(questionsFile, string.Concat(yaml.AsSpan(0, quote.Index), MadeUpQuote, yaml.AsSpan(quote.Index + quote.Length)));
        return id;
    }

    [GeneratedRegex(@"cite:[ \t]*\r?\n[ \t]*-[ \t]*""(?<quote>[^""\r\n]+)""")]
    private static partial Regex FirstCite();

    [GeneratedRegex(@"-[ \t]*id:[ \t]*(?<id>[a-z0-9-]+)")]
    private static partial Regex EntryId();

    [GeneratedRegex(@"^OK: (?<entries>\d+) entries")]
    private static partial Regex OkLine();

    [GeneratedRegex(@"(?<added>\d+) added, (?<updated>\d+) updated, (?<removed>\d+) removed")]
    private static partial Regex SeedLine();
}
