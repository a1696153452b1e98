namespace CyberCode.Bot.Tests.Cli;

/// <summary>What a user may paste: too much, control characters, odd Unicode. Nothing crashes.</summary>
[Collection(CliCollection.Name)]
public sealed class BadInputTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<int> OverlongLengths => new() { 2500, 10_000 };

    [Theory]
    [MemberData(nameof(OverlongLengths))]
    public async Task Ask_OverlongQuestion_IsRefusedClearly_ExitZero(int length)
    {
        var question = string.Concat(Enumerable.Repeat("what is cyber sovereignty ", (length / 26) + 1))[..length];

        var result = await _cli.RunAsync("ask", question, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = AnswerObject.Parse(result.Out);
        Assert.False(answer.Answered);
        Assert.Equal("refusal", answer.Kind);
        Assert.Empty(answer.Citations);
        Assert.Contains("2,000", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Question.Length <= 201, $"The refusal echoes {answer.Question.Length} characters of the question back.");
    }

    [Fact]
    public async Task MistypedVerb_IsRefusedNamingIt_InsteadOfStartingTheService()
    {
        var result = await _cli.RunAsync("aks", "define cyber sovereignty");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unknown command 'aks'", result.Error, StringComparison.Ordinal);
        Assert.Contains("cybercode --help", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("define cy\u200Bber sovereignty")] // zero-width space inside a word
    [InlineData("\u200Bdefine\u200D cyber\u2060 sovereignty\uFEFF")] // zero-width joiner, word joiner, BOM
    [InlineData("define\u0001 cyber\u0007 sovereignty\u001B")] // control characters
    [InlineData("define\tcyber\r\nsovereignty")] // tabs and line breaks
    [InlineData("define cyber sovereignty \U0001F510\U0001F642")] // emoji
    [InlineData("\u202Edefine cyber sovereignty\u202C")] // right-to-left override
    [InlineData("define cyber sovereignty\uD800")] // a lone surrogate
    [InlineData("  define   cyber   sovereignty  ")]
    public async Task Ask_OddCharactersAroundAKnownQuestion_AnswersIt(string question)
    {
        var result = await _cli.RunAsync("ask", question, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = AnswerObject.Parse(result.Out);
        Assert.True(answer.Answered, $"Not answered: {answer.Kind} {answer.Text}");
        Assert.Equal("II.5", answer.Citations[0].PassageId);
    }

    [Fact]
    public async Task Ask_FullWidthLetters_AreReadAsPlainLetters()
    {
        // "ｄｅｆｉｎｅ ＳＣＯ" is "define SCO" typed with an East Asian input method.
        var plain = AnswerObject.Parse((await _cli.RunAsync("ask", "define SCO", "--json")).Out);

        var result = await _cli.RunAsync("ask", "\uFF44\uFF45\uFF46\uFF49\uFF4E\uFF45 \uFF33\uFF23\uFF2F", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var answer = AnswerObject.Parse(result.Out);
        Assert.True(answer.Answered, $"Full-width \"define SCO\" was not answered ({answer.Kind}); the question came back as \"{answer.Question}\", i.e. not NFKC-normalised.");
        Assert.Equal(plain.Kind, answer.Kind);
        Assert.Equal(plain.Citations.Select(c => c.PassageId), answer.Citations.Select(c => c.PassageId));
    }

    [Theory]
    [InlineData("\U0001F642\U0001F642\U0001F642")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("\u200B\u200B")]
    [InlineData("?!.,;")]
    [InlineData("\u4EC0\u4E48\u662F\u7F51\u7EDC\u4E3B\u6743")] // "what is cyber sovereignty" in Chinese
    [InlineData("'; DROP TABLE entries; --")]
    [InlineData("source \u2160.5")] // Roman numeral one
    public async Task Ask_InputWithNothingToAnswer_GivesAWellFormedAnswer_ExitZero(string question)
    {
        var result = await _cli.RunAsync("ask", question, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.OutLines);
        AnswerObject.Parse(result.Out);
    }
}
