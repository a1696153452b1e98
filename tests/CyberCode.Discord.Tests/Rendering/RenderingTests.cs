using CyberCode.Core.Answering;
using CyberCode.Discord.Interactions;
using CyberCode.Discord.Rendering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Tests.Rendering;

/// <summary>Discord's limits, Markdown escaping, the command registry and the settings' checks.</summary>
public sealed class RenderingTests
{
    private static readonly AnswerRenderer Renderer = new(Harness.Engine.Knowledge.Essay.Title);

    [Fact]
    public void Render_HugeAnswer_StaysWithinEveryEmbedLimit()
    {
        var quote = string.Join(' ', Enumerable.Repeat("sovereignty*", 400));
        var citations = Enumerable.Range(1, 10).Select(i => new AnswerCitation("II." + i, new string('S', 300), quote, quote, 0, quote.Length)).ToArray();
        var answer = new Answer(new string('q', 3000), true, AnswerKinds.Question, string.Join(' ', Enumerable.Repeat("word_", 3000)), 0.9, citations, [])
        {
            Title = new string('T', 400),
        };

        var embed = Renderer.Render(answer).Embeds![0];

        Assert.True(embed.Title!.Length <= 256);
        Assert.True(embed.Description!.Length <= 4096);
        Assert.True(embed.Author!.Name.Length <= 256);
        Assert.All(embed.Fields ?? [], f => Assert.True(f.Name.Length <= 256 && f.Value.Length <= 1024));
        var total = embed.Title.Length + embed.Description.Length + embed.Author.Name.Length + embed.Footer!.Text.Length + (embed.Fields ?? []).Sum(f => f.Name.Length + f.Value.Length);
        Assert.True(total <= 6000, $"embed total {total}");
        Assert.EndsWith("…", embed.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("\\…", embed.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ButtonsKeepDiscordsLimits()
    {
        var answer = new Answer("x", false, AnswerKinds.Suggestions, "Did you mean", 0.2, [],
            ["define cyber sovereignty", new string('a', 150), "timeline", "changes", "notes", "part 1", "part 2"]);

        var rows = Renderer.Render(answer).Components!;

        Assert.All(rows, r => Assert.InRange(r.Components.Count, 1, 5));
        Assert.All(rows.SelectMany(r => r.Components), b =>
        {
            Assert.InRange(b.CustomId.Length, 1, 100);
            Assert.InRange(b.Label.Length, 1, 80);
        });
        Assert.DoesNotContain(rows.SelectMany(r => r.Components), b => b.CustomId.Contains(new string('a', 150), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("*why* _now_", "\\*why\\* \\_now\\_")]
    [InlineData("`code` ||spoiler|| ~~x~~", "\\`code\\` \\|\\|spoiler\\|\\| \\~\\~x\\~\\~")]
    [InlineData("# title\n> quote\n- item", "\\# title\n\\> quote\n\\- item")]
    [InlineData("2011-2015 a > b", "2011-2015 a > b")]
    [InlineData("@everyone hi", "@\u200Beveryone hi")]
    [InlineData("<@123>", "<\u200B@\u200B123>")]
    [InlineData("[click](http://x)", "\\[click\\](http://x)")]
    public void Escape_TakesMarkdownLiterallyAndDefusesMentions(string text, string expected) =>
        Assert.Equal(expected, DiscordText.Escape(text));

    [Fact]
    public void Cut_NeverSplitsAnEscape()
    {
        var cut = DiscordText.Cut("aaaa\\*bbbb", 6);

        Assert.Equal("aaaa…", cut);
    }

    [Fact]
    public void Registry_CommandsFitDiscordsRules()
    {
        var names = SlashCommands.All.Select(c => c.Name).ToList();

        Assert.Equal(["ask", "define", "changes", "timeline", "source", "help", "quiz", "leaderboard", "kb"], names);
        Assert.All(SlashCommands.All.Concat(SlashCommands.All.SelectMany(c => c.Subcommands)), c =>
        {
            Assert.Matches("^[a-z][a-z0-9_-]{0,31}$", c.Name);
            Assert.InRange(c.Description.Length, 1, 100);
            Assert.InRange(c.Options.Count + c.Subcommands.Count, 0, 25);
            Assert.All(c.Options, o => Assert.InRange(o.Description.Length, 1, 100));
            Assert.True(c.Options.Count == 0 || c.Subcommands.Count == 0, "a command has options or subcommands, not both");
        });
    }

    [Theory]
    [InlineData("ask", "what changed in 2015", "what changed in 2015")]
    [InlineData("define", "cyber sovereignty", "define cyber sovereignty")]
    [InlineData("source", "II.5", "source II.5")]
    public void Registry_CommandBecomesTheCliGrammar(string command, string value, string expected)
    {
        var c = SlashCommands.Find(command)!;

        Assert.Equal(expected, c.ToText(new Dictionary<string, string> { [c.Options[0].Name] = value }));
    }

    [Theory]
    [InlineData("start", "", "quiz start")]
    [InlineData("start", "5", "quiz start 5")]
    [InlineData("practice", "", "quiz practice")]
    public void Registry_QuizSubcommandsBecomeTheQuizGrammar(string sub, string questions, string expected)
    {
        var c = SlashCommands.Find("quiz")!.Subcommand(sub)!;

        Assert.Equal(expected, c.ToText(new Dictionary<string, string> { ["questions"] = questions, ["topic"] = string.Empty }));
        Assert.Equal(expected + " human rights", c.ToText(new Dictionary<string, string> { ["questions"] = questions, ["topic"] = " human rights " }));
    }

    [Fact]
    public void Suggestions_NeverMoreThan25()
    {
        var suggestions = new CommandSuggestions(Harness.Engine.Knowledge);

        Assert.InRange(suggestions.For(Suggest.Passages, string.Empty).Count, 25, 25);
        Assert.All(suggestions.For(Suggest.Terms, "c"), c => Assert.InRange(c.Name.Length, 1, 100));
    }

    [Theory]
    [InlineData("Discord:Gateway:ShardId", "2", "Discord:Gateway:ShardId")]
    [InlineData("Discord:Gateway:ShardCount", "0", "Discord:Gateway:ShardCount")]
    [InlineData("Discord:PublicKey", "not-a-key", "Discord:PublicKey")]
    [InlineData("Discord:ApiBaseUrl", "discord.com/api", "Discord:ApiBaseUrl")]
    [InlineData("Discord:ApplicationId", "my-app", "Discord:ApplicationId")]
    [InlineData("Discord:DeferAfterMilliseconds", "5000", "Discord:DeferAfterMilliseconds")]
    public void Options_BadValue_IsAStartupErrorNamingTheSetting(string key, string value, string named)
    {
        using var services = Options(new() { ["Discord:BotToken"] = "x", ["Discord:Gateway:ShardCount"] = "2", [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NothingSet_IsValidAndOff()
    {
        using var services = Options([]);

        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.False(options.GatewayOn);
        Assert.Equal("https://discord.com/api/v10/", options.ApiBase().ToString());
    }

    [Fact]
    public void Options_GatewayDisabled_KeepsItOffWithAToken()
    {
        using var services = Options(new() { ["Discord:BotToken"] = "x", ["Discord:Gateway:Enabled"] = "false" });

        Assert.False(services.GetRequiredService<IOptions<DiscordOptions>>().Value.GatewayOn);
    }

    private static ServiceProvider Options(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddDiscordRest(configuration).BuildServiceProvider();
    }
}
