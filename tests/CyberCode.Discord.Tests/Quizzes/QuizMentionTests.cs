using System.Text.Json;
using CyberCode.Discord.Gateway;
using CyberCode.Discord.Tests.Fake;

namespace CyberCode.Discord.Tests.Quizzes;

/// <summary>Quizzes from mentions and DMs over the fake Gateway, and a button press arriving there.</summary>
public sealed class QuizMentionTests : IAsyncLifetime
{
    private const string BotId = "100";
    private Harness _h = null!;
    private Task _run = Task.CompletedTask;
    private CancellationTokenSource _stop = new();
    private FakeGatewayConnection _gateway = null!;
    private int _sequence = 1;

    public async Task InitializeAsync()
    {
        _h = await Harness.StartAsync();
        (_run, _stop) = _h.RunGateway();
        Assert.Equal("/gateway/bot", (await _h.Fake.NextRequestAsync()).Path);
        _gateway = await _h.Fake.NextConnectionAsync();
        await _gateway.HelloAsync(41_250);
        _ = await _gateway.ReceiveAsync();
        await _gateway.ReadyAsync(_sequence, "session-1", _h.Fake.ResumeUrl, BotId);
        await Harness.EventuallyAsync(() => _h.Get<GatewayClient>().Session.SessionId is not null, "READY");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        await _h.DisposeAsync();
    }

    [Fact]
    public async Task Mention_QuizStart_PostsTheQuestionAndConfirms_AButtonOverTheGatewayIsLockedIn()
    {
        await MessageAsync("m1", $"<@{BotId}> quiz start 3", guild: "300");

        var question = await _h.Fake.NextRequestAsync();
        Assert.Equal(("POST", "/channels/400/messages"), (question.Method, question.Path));
        Assert.Equal("Question 1 of 3", question.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        var reply = await _h.Fake.NextRequestAsync();
        Assert.Equal("m1", reply.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.StartsWith("Quiz started by Ana", reply.Json.GetProperty("content").GetString(), StringComparison.Ordinal);

        var customId = QuizHost.ButtonId(question, 1);
        var press = QuizHost.Interaction(3, QuizHost.Ana, new { custom_id = customId, component_type = 2 }, new { id = "700" });
        var id = JsonSerializer.SerializeToElement(press).GetProperty("id").GetString();
        await _gateway.DispatchAsync("INTERACTION_CREATE", ++_sequence, press);
        var callback = await _h.Fake.NextRequestAsync();
        Assert.StartsWith($"/interactions/{id}/", callback.Path, StringComparison.Ordinal);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("you chose 1", callback.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mention_QuizPracticeInAServer_PointsToTheSlashCommand_AndStartsNothing()
    {
        await MessageAsync("m2", $"<@{BotId}> quiz practice", guild: "300");

        var reply = await _h.Fake.NextRequestAsync();

        Assert.Contains("/quiz practice", reply.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
        await Task.Delay(50);
        Assert.Null(_h.Fake.TryNextRequest());
    }

    [Fact]
    public async Task DirectMessage_QuizAndATypedAnswer_RevealsAtOnceInTheDm()
    {
        await MessageAsync("d1", "quiz start 3", guild: null);
        var question = await _h.Fake.NextRequestAsync();
        Assert.Equal("/channels/400/messages", question.Path);
        _ = await _h.Fake.NextRequestAsync(); // "Quiz started"

        await MessageAsync("d2", "2", guild: null);

        // Alone with the bot, an answer closes the question: the reveal edits it, the next one follows, then the reply.
        var reveal = await _h.Fake.NextRequestAsync();
        Assert.Equal("PATCH", reveal.Method);
        Assert.StartsWith("/channels/400/messages/", reveal.Path, StringComparison.Ordinal);
        Assert.Equal("Question 2 of 3", (await _h.Fake.NextRequestAsync()).Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        var reply = await _h.Fake.NextRequestAsync();
        Assert.Equal("d2", reply.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Contains("You chose 2", reply.Json.GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectMessage_Practice_IsPostedInTheDm()
    {
        await MessageAsync("d3", "quiz practice 3", guild: null);

        var question = await _h.Fake.NextRequestAsync();

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

        return _gateway.DispatchAsync("MESSAGE_CREATE", ++_sequence, message);
    }
}
