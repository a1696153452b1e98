using System.Globalization;
using CyberCode.Discord.Interactions;
using CyberCode.Discord.Tests.Fake;
using Microsoft.Extensions.Configuration;

namespace CyberCode.Discord.Tests.Interactions;

/// <summary><c>cybercode discord register</c>'s work, against the fake REST API.</summary>
public sealed class CommandRegistrationTests : IAsyncLifetime
{
    private FakeDiscord _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Register_Guild_BulkOverwritesThereAndPrintsTheCommands()
    {
        var (code, output, error) = await RunAsync(new() { ["Discord:BotToken"] = "tok", ["Discord:ApplicationId"] = "200" }, "300");

        Assert.True(code == 0, error);
        var request = await _fake.NextRequestAsync();
        Assert.Equal(("PUT", "/applications/200/guilds/300/commands"), (request.Method, request.Path));
        Assert.Equal("Bot tok", request.Headers["Authorization"]);
        var sent = request.Json.EnumerateArray().ToList();
        Assert.Equal(9, sent.Count);
        var define = sent.Single(c => c.GetProperty("name").GetString() == "define");
        Assert.True(define.GetProperty("options")[0].GetProperty("autocomplete").GetBoolean());
        Assert.Contains("Registered 9 commands in server 300", output, StringComparison.Ordinal);
        Assert.Contains("/ask, /define, /changes, /timeline, /source, /help, /quiz, /leaderboard, /kb", output, StringComparison.Ordinal);
        var quiz = sent.Single(c => c.GetProperty("name").GetString() == "quiz").GetProperty("options").EnumerateArray().ToList();
        Assert.Equal(["start", "stop", "score", "stats", "practice", "topics"], quiz.Select(o => o.GetProperty("name").GetString()));
        Assert.All(quiz, o => Assert.Equal(1, o.GetProperty("type").GetInt32()));
        var start = quiz[0].GetProperty("options").EnumerateArray().ToList();
        var questions = start.Single(o => o.GetProperty("name").GetString() == "questions");
        Assert.Equal((4, 3, 20), (questions.GetProperty("type").GetInt32(), questions.GetProperty("min_value").GetInt32(), questions.GetProperty("max_value").GetInt32()));
        Assert.False(questions.TryGetProperty("max_length", out _));
        var topic = start.Single(o => o.GetProperty("name").GetString() == "topic");
        Assert.True(topic.GetProperty("autocomplete").GetBoolean());
        Assert.False(topic.GetProperty("required").GetBoolean());
        Assert.Contains(sent, c => c.GetProperty("name").GetString() == "leaderboard");
    }

    [Fact]
    public async Task Register_NoGuild_IsGlobal()
    {
        var (code, output, _) = await RunAsync(new() { ["Discord:BotToken"] = "tok", ["Discord:ApplicationId"] = "200" }, null);

        Assert.Equal(0, code);
        Assert.Equal("/applications/200/commands", (await _fake.NextRequestAsync()).Path);
        Assert.Contains("globally", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "200", "Discord:BotToken")]
    [InlineData("tok", null, "Discord:ApplicationId")]
    public async Task Register_MissingSetting_IsExit2NamingIt(string? token, string? applicationId, string named)
    {
        var (code, _, error) = await RunAsync(new() { ["Discord:BotToken"] = token, ["Discord:ApplicationId"] = applicationId }, null);

        Assert.Equal(2, code);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Empty(_fake.AllRequests);
    }

    [Fact]
    public async Task Register_TokenRefused_IsExit1SayingWhichSettingToCheck()
    {
        _fake.Script(new ScriptedResponse("/applications/", 401, "{\"message\":\"401: Unauthorized\",\"code\":0}"));

        var (code, _, error) = await RunAsync(new() { ["Discord:BotToken"] = "wrong", ["Discord:ApplicationId"] = "200" }, "300");

        Assert.Equal(1, code);
        Assert.Contains("Discord:BotToken", error, StringComparison.Ordinal);
        Assert.Single(_fake.AllRequests);
    }

    [Fact]
    public async Task Register_BadGuildId_IsExit2()
    {
        var (code, _, error) = await RunAsync(new() { ["Discord:BotToken"] = "tok", ["Discord:ApplicationId"] = "200" }, "my-server");

        Assert.Equal(2, code);
        Assert.Contains("--guild", error, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Out, string Error)> RunAsync(Dictionary<string, string?> values, string? guild)
    {
        values["Discord:ApiBaseUrl"] = _fake.ApiBaseUrl;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CommandRegistration.RunAsync(configuration, guild, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
