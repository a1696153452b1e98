using System.Text.Json;
using CyberCode.Discord.Tests.Interactions;
using static CyberCode.Discord.Tests.Quizzes.QuizHost;

namespace CyberCode.Discord.Tests.Quizzes;

/// <summary>
/// A quiz in a server channel from <c>/quiz start</c> to the scoreboard: signed interactions in,
/// REST calls to the fake Discord out, question timers in fake time.
/// </summary>
public sealed class QuizInteractionTests : IAsyncLifetime
{
    private QuizHost _h = null!;

    public async Task InitializeAsync() => _h = await QuizHost.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Start_ConfirmsPublicly_AndPostsTheQuestionWithButtonsThroughRestWithTheBotToken()
    {
        var (response, question) = await _h.StartQuizAsync(Quiz("start", Ana, ("questions", 3)));

        Assert.False(IsEphemeral(response));
        Assert.Contains("Quiz started by Ana", Content(response), StringComparison.Ordinal);
        Assert.Equal("""{"parse":[]}""", response.GetProperty("data").GetProperty("allowed_mentions").GetRawText());

        Assert.Equal("Bot " + Harness.Token, question.Headers["Authorization"]);
        var body = question.Json;
        Assert.Equal("""{"parse":[]}""", body.GetProperty("allowed_mentions").GetRawText());
        Assert.False(body.TryGetProperty("flags", out _));
        var embed = body.GetProperty("embeds")[0];
        Assert.Equal("Question 1 of 3", embed.GetProperty("title").GetString());
        var deadline = new DateTimeOffset(2026, 1, 5, 9, 0, 30, TimeSpan.Zero).ToUnixTimeSeconds();
        Assert.Contains($"<t:{deadline}:R>", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        var item = _h.ItemOf(question);
        var buttons = Buttons(body);
        Assert.Equal(item.Choices.Count, buttons.Count);
        Assert.All(buttons, b =>
        {
            Assert.StartsWith("quiz:", b.GetProperty("custom_id").GetString(), StringComparison.Ordinal);
            Assert.InRange(b.GetProperty("label").GetString()!.Length, 1, 80);
            Assert.False(b.TryGetProperty("disabled", out _));
        });
        Assert.EndsWith(":1:1", ButtonId(question, 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WholeQuiz_AnswersLockedIn_RevealEditsTheQuestion_EndsWithScoreboard_OldButtonSaysEnded()
    {
        var (_, first) = await _h.StartQuizAsync(Quiz("start", Ana, ("questions", 3)));
        var item = _h.ItemOf(first);
        var right = item.Correct + 1;
        var wrong = right == 1 ? 2 : 1;

        var locked = await _h.InteractAsync(Press(ButtonId(first, right), Ana));
        Assert.Equal(4, locked.GetProperty("type").GetInt32());
        Assert.True(IsEphemeral(locked));
        Assert.Contains($"you chose {right}", Content(locked), StringComparison.Ordinal);

        var again = await _h.InteractAsync(Press(ButtonId(first, wrong), Ana));
        Assert.True(IsEphemeral(again));
        Assert.Contains("already answered", Content(again), StringComparison.Ordinal);

        var ben = await _h.InteractAsync(Press(ButtonId(first, wrong), Ben));
        Assert.Contains($"you chose {wrong}", Content(ben), StringComparison.Ordinal);

        _h.TimeUp();
        var reveal = await _h.NextAsync("PATCH", $"/channels/{Channel}/messages/");
        Assert.Equal("Bot " + Harness.Token, reveal.Headers["Authorization"]);
        var embed = reveal.Json.GetProperty("embeds")[0];
        Assert.Contains($"**Answer: {right}.**", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        var fields = embed.GetProperty("fields").EnumerateArray().ToList();
        var cite = item.Citations[0];
        Assert.Contains(fields, f => f.GetProperty("name").GetString()!.StartsWith(cite.PassageId + " · ", StringComparison.Ordinal)
            && f.GetProperty("value").GetString()!.StartsWith("> ", StringComparison.Ordinal));
        var who = fields.Single(f => f.GetProperty("name").GetString() == "Who got it").GetProperty("value").GetString()!;
        Assert.Contains("Right: Ana (+", who, StringComparison.Ordinal);
        Assert.Contains("Wrong: Ben", who, StringComparison.Ordinal);
        var buttons = Buttons(reveal.Json);
        Assert.All(buttons, b => Assert.True(b.GetProperty("disabled").GetBoolean()));
        Assert.Equal(3, buttons[right - 1].GetProperty("style").GetInt32());
        Assert.All(buttons.Where((_, i) => i != right - 1), b => Assert.Equal(2, b.GetProperty("style").GetInt32()));
        Assert.Equal("""{"parse":[]}""", reveal.Json.GetProperty("allowed_mentions").GetRawText());

        var second = await _h.NextAsync("POST", $"/channels/{Channel}/messages");
        Assert.Equal("Question 2 of 3", second.Json.GetProperty("embeds")[0].GetProperty("title").GetString());

        // Someone who had not answered question 1 presses after its reveal: too late. (Ben, who had,
        // would be told he already answered.)
        var late = await _h.InteractAsync(Press(ButtonId(first, right), new User("503", "Cy")));
        Assert.Contains("Too late", Content(late), StringComparison.Ordinal);
        var benAgain = await _h.InteractAsync(Press(ButtonId(first, right), Ben));
        Assert.Contains("already answered", Content(benAgain), StringComparison.Ordinal);

        _h.TimeUp();
        await _h.NextAsync("PATCH", $"/channels/{Channel}/messages/");
        var third = await _h.NextAsync("POST", $"/channels/{Channel}/messages");
        _h.TimeUp();
        await _h.NextAsync("PATCH", $"/channels/{Channel}/messages/");

        var board = await _h.NextAsync("POST", $"/channels/{Channel}/messages");
        var boardEmbed = board.Json.GetProperty("embeds")[0];
        Assert.Equal("Final scores · 3 questions", boardEmbed.GetProperty("title").GetString());
        var table = boardEmbed.GetProperty("description").GetString()!;
        Assert.StartsWith("```", table, StringComparison.Ordinal);
        Assert.True(table.IndexOf("Ana", StringComparison.Ordinal) < table.IndexOf("Ben", StringComparison.Ordinal), table);
        Assert.Equal("""{"parse":[]}""", board.Json.GetProperty("allowed_mentions").GetRawText());

        var ended = await _h.InteractAsync(Press(ButtonId(third, 1), Ana));
        Assert.True(IsEphemeral(ended));
        Assert.Contains("This quiz has ended", Content(ended), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reveal_EditsTheMessageTheQuestionWasPostedAs()
    {
        await _h.StartQuizAsync(Quiz("start", Ana, ("questions", 3)));
        var id = LastCreatedId();

        _h.TimeUp();
        var reveal = await _h.NextAsync("PATCH", $"/channels/{Channel}/messages/");

        Assert.Equal($"/channels/{Channel}/messages/{id}", reveal.Path);
    }

    [Fact]
    public async Task StartTwice_SaysOneIsRunning_Privately()
    {
        await _h.StartQuizAsync(Quiz("start", Ana, ("questions", 3)));

        var second = await _h.InteractAsync(Quiz("start", Ben));

        Assert.True(IsEphemeral(second));
        Assert.Contains("already running", Content(second), StringComparison.Ordinal);
        Assert.Null(_h.Fake.TryNextRequest());
    }

    [Fact]
    public async Task UnknownTopic_ListsTheTopics_AndStartsNothing()
    {
        var response = await _h.InteractAsync(Quiz("start", Ana, ("topic", "astrology")));

        Assert.True(IsEphemeral(response));
        var text = Content(response);
        Assert.Contains("astrology", text, StringComparison.Ordinal);
        Assert.All(_h.Bank.Topics, t => Assert.Contains(t, text, StringComparison.Ordinal));
        Assert.Null(_h.Fake.TryNextRequest());
    }

    [Fact]
    public async Task Topic_IsAutocompletedFromTheQuizBank()
    {
        var response = await _h.InteractAsync(Interaction(4, Ana, new
        {
            id = "600",
            name = "quiz",
            type = 1,
            options = new[] { new { type = 1, name = "start", options = new object[] { new { name = "topic", type = 3, value = "sov", focused = true } } } },
        }));

        Assert.Equal(8, response.GetProperty("type").GetInt32());
        var values = response.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Equal(["sovereignty"], values);
    }

    [Fact]
    public async Task Stop_ByAnotherMember_IsRefused_ByAModerator_RevealsAndPostsTheScoreboard()
    {
        await _h.StartQuizAsync(Quiz("start", Ana, ("questions", 3)));

        var refused = await _h.InteractAsync(Quiz("stop", Ben));
        Assert.True(IsEphemeral(refused));
        Assert.Contains("Only Ana", Content(refused), StringComparison.Ordinal);

        var stopped = await _h.InteractAsync(Quiz("stop", Mod));
        Assert.Contains("Quiz stopped by Mo", Content(stopped), StringComparison.Ordinal);
        await _h.NextAsync("PATCH", $"/channels/{Channel}/messages/");
        var board = await _h.NextAsync("POST", $"/channels/{Channel}/messages");
        Assert.StartsWith("Quiz stopped after 1 of 3", board.Json.GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreStatsAndLeaderboard_AreEmbedsWithATable_StatsOnlyForTheAsker()
    {
        var (_, question) = await _h.StartQuizAsync(Quiz("start", Ana, ("questions", 3)));
        await _h.InteractAsync(Press(ButtonId(question, _h.ItemOf(question).Correct + 1), Ana));
        _h.TimeUp();
        await _h.NextAsync("PATCH", $"/channels/{Channel}/messages/");
        await _h.NextAsync("POST", $"/channels/{Channel}/messages");

        var score = await _h.InteractAsync(Quiz("score", Ben));
        Assert.False(IsEphemeral(score));
        Assert.Contains("Ana", score.GetProperty("data").GetProperty("embeds")[0].GetProperty("description").GetString(), StringComparison.Ordinal);

        await _h.InteractAsync(Quiz("stop", Ana));
        await _h.NextAsync("PATCH", $"/channels/{Channel}/messages/");
        await _h.NextAsync("POST", $"/channels/{Channel}/messages");

        var leaderboard = await _h.InteractAsync(Command("leaderboard", Ben));
        var embed = leaderboard.GetProperty("data").GetProperty("embeds")[0];
        Assert.Equal("Leaderboard", embed.GetProperty("title").GetString());
        Assert.Contains("Ana", embed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("100%", embed.GetProperty("description").GetString(), StringComparison.Ordinal);

        var stats = await _h.InteractAsync(Quiz("stats", Ana));
        Assert.True(IsEphemeral(stats));
        Assert.Equal("Your quiz totals", stats.GetProperty("data").GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task EveryoneInAUserName_IsNeverAPing()
    {
        var troll = new User("666", "@everyone <@&1> @here");
        var (started, question) = await _h.StartQuizAsync(Quiz("start", troll, ("questions", 3)));
        await _h.InteractAsync(Press(ButtonId(question, _h.ItemOf(question).Correct + 1), troll));
        _h.TimeUp();
        var reveal = await _h.NextAsync("PATCH", $"/channels/{Channel}/messages/");
        await _h.NextAsync("POST", $"/channels/{Channel}/messages");
        var score = await _h.InteractAsync(Quiz("score", troll));
        await _h.InteractAsync(Quiz("stop", troll));
        await _h.NextAsync("PATCH", $"/channels/{Channel}/messages/");
        var board = await _h.NextAsync("POST", $"/channels/{Channel}/messages");

        JsonElement[] shown = [started.GetProperty("data"), reveal.Json, score.GetProperty("data"), board.Json];
        Assert.All(shown, body =>
        {
            Assert.Equal("""{"parse":[]}""", body.GetProperty("allowed_mentions").GetRawText());
            Assert.All(InteractionsEndpointTests.Strings(body), s =>
            {
                Assert.DoesNotContain("@everyone", s, StringComparison.Ordinal);
                Assert.DoesNotContain("@here", s, StringComparison.Ordinal);
                Assert.DoesNotContain("<@&", s, StringComparison.Ordinal);
            });
        });
        Assert.Contains("everyone", Content(started), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedButton_IsAnsweredPrivately()
    {
        var response = await _h.InteractAsync(Press("quiz:nosuchid:1:2", Ana));

        Assert.True(IsEphemeral(response));
        Assert.Contains("no such quiz", Content(response), StringComparison.OrdinalIgnoreCase);
    }

    private string LastCreatedId()
    {
        // The fake numbers the messages it creates; the last POST got the highest.
        var posts = _h.Fake.AllRequests.Count(r => r.Method == "POST" && (r.Path.StartsWith("/channels/", StringComparison.Ordinal) || r.Path.StartsWith("/webhooks/", StringComparison.Ordinal)));
        return (900_000_000_000_000_000L + posts).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
