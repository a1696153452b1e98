using System.Text.Json;
using CyberCode.Discord.Gateway;
using CyberCode.Discord.Tests.Fake;

namespace CyberCode.Discord.Tests.Quizzes;

/// <summary>Quizzes from mentions and DMs over the fake Gateway, and a button press arriving there.</summary>
public sealed class QuizMentionTests : ReadyGatewayTests
{
    [Fact]
    public async Task Mention_QuizStart_RepliesFirst_ThenPostsTheQuestion_AButtonOverTheGatewayIsLockedIn()
    {
        await MessageAsync("m1", $"<@{BotId}> quiz start 3", guild: "300");

        // The reply holds its place above the first question, then says what started.
        var reply = await Discord.Fake.NextRequestAsync();
        Assert.Equal(("POST", "/channels/400/messages"), (reply.Method, reply.Path));
        Assert.Equal("m1", reply.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal("Starting a quiz…", reply.Json.GetProperty("content").GetString());
        var question = await Discord.Fake.NextRequestAsync();
        Assert.Equal(("POST", "/channels/400/messages"), (question.Method, question.Path));
        Assert.Equal("Question 1 of 3", question.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        var started = await Discord.Fake.NextRequestAsync();
        Assert.Equal("PATCH", started.Method);
        Assert.StartsWith("/channels/400/messages/", started.Path, StringComparison.Ordinal);
        Assert.StartsWith("Quiz started by Ana", started.Json.GetProperty("content").GetString(), StringComparison.Ordinal);

        var customId = QuizHost.ButtonId(question, 1);
        var press = QuizHost.Interaction(3, QuizHost.Ana, new { custom_id = customId, component_type = 2 }, new { id = "700" });
        var id = JsonSerializer.SerializeToElement(press).GetProperty("id").GetString();
        await Gateway.DispatchAsync("INTERACTION_CREATE", NextSequence(), press);
        var callback = await Discord.Fake.NextRequestAsync();
        Assert.StartsWith($"/interactions/{id}/", callback.Path, StringComparison.Ordinal);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("you chose 1", callback.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_QuizStartWhileOneRuns_TheHeldReplyBecomesTheReason_AndNoQuestionIsPosted()
    {
        await MessageAsync("m5", $"<@{BotId}> quiz start 3", guild: "300");
        for (var i = 0; i < 3; i++)
        {
            _ = await Discord.Fake.NextRequestAsync(); // held reply, question 1, "Quiz started"
        }

        await MessageAsync("m6", $"<@{BotId}> quiz start", guild: "300");

        var held = await Discord.Fake.NextRequestAsync();
        Assert.Equal("m6", held.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        var reason = await Discord.Fake.NextRequestAsync();
        Assert.Equal("PATCH", reason.Method);
        Assert.Contains("already", reason.Json.GetProperty("content").GetString(), StringComparison.OrdinalIgnoreCase);
        await Task.Delay(50);
        Assert.Null(Discord.Fake.TryNextRequest());
    }

    [Fact]
    public async Task Mention_QuizPracticeInAServer_PointsToTheSlashCommand_AndStartsNothing()
    {
        await MessageAsync("m2", $"<@{BotId}> quiz practice", guild: "300");

        var reply = await Discord.Fake.NextRequestAsync();

        Assert.Contains("/quiz practice", reply.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        await Task.Delay(50);
        Assert.Null(Discord.Fake.TryNextRequest());
    }

    [Fact]
    public async Task DirectMessage_QuizAndATypedAnswer_RevealsAtOnceInTheDm()
    {
        await MessageAsync("d1", "quiz start 3", guild: null);
        _ = await Discord.Fake.NextRequestAsync(); // "Starting a quiz…"
        var question = await Discord.Fake.NextRequestAsync();
        Assert.Equal("/channels/400/messages", question.Path);
        Assert.Equal("PATCH", (await Discord.Fake.NextRequestAsync()).Method); // "Your quiz: …"

        await MessageAsync("d2", "2", guild: null);

        // Alone with the bot, an answer closes the question. The reply holds its place under the
        // typed answer, the reveal edits the question, the next one follows, and the reply says what was chosen.
        var held = await Discord.Fake.NextRequestAsync();
        Assert.Equal(("POST", "/channels/400/messages"), (held.Method, held.Path));
        Assert.Equal("d2", held.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal("Checking your answer…", held.Json.GetProperty("content").GetString());
        var reveal = await Discord.Fake.NextRequestAsync();
        Assert.Equal("PATCH", reveal.Method);
        Assert.StartsWith("/channels/400/messages/", reveal.Path, StringComparison.Ordinal);
        Assert.Equal("Question 2 of 3", (await Discord.Fake.NextRequestAsync()).Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        var reply = await Discord.Fake.NextRequestAsync();
        Assert.Equal("PATCH", reply.Method);
        Assert.NotEqual(reveal.Path, reply.Path);
        Assert.Contains("You chose 2", reply.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectMessage_ANumberWithNoQuizRunning_TheHeldReplySaysHowToStartOne()
    {
        await MessageAsync("d3", "2", guild: null);

        var held = await Discord.Fake.NextRequestAsync();
        Assert.Equal("Checking your answer…", held.Json.GetProperty("content").GetString());
        var reply = await Discord.Fake.NextRequestAsync();
        Assert.Equal("PATCH", reply.Method);
        var text = reply.Json.GetProperty("content").GetString();
        Assert.Contains("No quiz question is open here", text, StringComparison.Ordinal);
        Assert.Contains("quiz start", text, StringComparison.Ordinal);
        await Task.Delay(50);
        Assert.Null(Discord.Fake.TryNextRequest());
    }

    [Fact]
    public async Task DirectMessage_Practice_IsPostedInTheDm()
    {
        await MessageAsync("d3", "quiz practice 3", guild: null);

        var question = await Discord.Fake.NextRequestAsync();

        Assert.Equal("/channels/400/messages", question.Path);
        Assert.Equal("Practice · Question 1 of 3", question.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
    }

    private Task MessageAsync(string id, string content, string? guild)
    {
        var message = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["channel_id"] = "400",
            ["author"] = new { id = "501", username = "ana", global_name = "Ana" },
            ["content"] = content,
            ["mentions"] = guild is null ? [] : new[] { new { id = BotId, username = "CyberCode" } },
            ["type"] = 0,
        };
        if (guild is not null)
        {
            message["guild_id"] = guild;
        }

        return Gateway.DispatchAsync("MESSAGE_CREATE", NextSequence(), message);
    }
}
