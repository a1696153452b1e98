using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CyberCode.Core;
using CyberCode.Core.Learning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyberCode.Teams.Tests;

/// <summary>Activities as Teams sends them, answered through the fake Connector (local development mode: no tokens).</summary>
public sealed class ConversationTests : IAsyncLifetime
{
    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync(authenticated: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GroupChatMention_IsStrippedAndTheQuestionAnsweredWithQuotedPassage()
    {
        var mention = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>CyberCode</at>",
            ["mentioned"] = new JsonObject { ["id"] = TeamsHost.BotId, ["name"] = "CyberCode" },
        });
        var activity = _host.Message("<at>CyberCode</at> define cyber sovereignty", conversationType: "groupChat", entities: mention);

        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(activity, token: null)).StatusCode);
        var calls = await _host.Connector.WaitForDeliveredAsync(2);

        var expected = (await _host.Bot.HandleAsync(new Incoming("define cyber sovereignty", "teams"), default)).Answer;
        Assert.True(expected.Answered);
        var reply = calls[1];
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString("19:group-conversation@thread.v2")}/activities/{activity["id"]}", reply.Path);
        Assert.Equal(activity["id"]!.GetValue<string>(), reply.Activity["replyToId"]!.GetValue<string>());
        Assert.Equal(TeamsHost.BotId, reply.Activity["from"]!["id"]!.GetValue<string>());
        var card = Assert.IsType<JsonObject>(reply.Card);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var text = string.Join("\n", Quizzes.CardText.All(card));
        Assert.Contains(expected.Title!, text, StringComparison.Ordinal);
        foreach (var c in expected.Citations)
        {
            Assert.Contains(c.Quote, text, StringComparison.Ordinal);
            Assert.Contains($"{c.PassageId} \u00B7 {c.Section}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void OtherPeoplesMentions_KeepTheirNames()
    {
        var entities = new JsonArray(
            new JsonObject { ["type"] = "mention", ["text"] = "<at>CyberCode</at>", ["mentioned"] = new JsonObject { ["id"] = TeamsHost.BotId } },
            new JsonObject { ["type"] = "mention", ["text"] = "<at>Ana</at>", ["mentioned"] = new JsonObject { ["id"] = "29:ana" } });
        var activity = Activities.Mentions.QuestionText(System.Text.Json.JsonSerializer.Deserialize<Activities.Activity>(
            _host.Message("<at>CyberCode</at>&nbsp;what did <at>Ana</at> ask", entities: entities).ToJsonString(), Activities.ActivityJson.Options)!);

        Assert.Equal("what did Ana ask", activity);
    }

    [Fact]
    public async Task Message_SendsTypingFirstThenTheAnswer()
    {
        await _host.PostAsync(_host.Message("timeline"), token: null);
        var calls = await _host.Connector.WaitForDeliveredAsync(2);

        Assert.Equal("typing", calls[0].Type);
        Assert.Equal("/v3/conversations/a%3Apersonal-conversation/activities", calls[0].Path);
        Assert.Equal("message", calls[1].Type);
        Assert.True(string.IsNullOrEmpty(calls[1].Authorization), "Local development mode sends no token.");
    }

    [Fact]
    public async Task BareMention_GetsHelp()
    {
        var mention = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>CyberCode</at>", ["mentioned"] = new JsonObject { ["id"] = TeamsHost.BotId } });
        await _host.PostAsync(_host.Message("<at>CyberCode</at>", conversationType: "channel", entities: mention), token: null);
        var calls = await _host.Connector.WaitForDeliveredAsync(2);

        var help = (await _host.Bot.HandleAsync(new Incoming("help", "teams"), default)).Answer;
        Assert.Contains("FactSet", calls[1].Card!.ToJsonString(Activities.ActivityJson.Options), StringComparison.Ordinal);
        Assert.Contains(Json(help.Suggestions[0]), calls[1].Card!.ToJsonString(Activities.ActivityJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuggestionButton_AsksThatQuestion()
    {
        var value = new JsonObject { ["cybercode"] = "ask", ["question"] = "define cyber sovereignty" };
        await _host.PostAsync(_host.Message(string.Empty, value: value), token: null);
        var calls = await _host.Connector.WaitForDeliveredAsync(2);

        var expected = (await _host.Bot.HandleAsync(new Incoming("define cyber sovereignty", "teams"), default)).Answer;
        Assert.Contains(Json(expected.Citations[0].Quote), calls[1].Card!.ToJsonString(Activities.ActivityJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerCard_SuggestionsAndFeedbackButtons_SubmitWhatTheBotUnderstands()
    {
        await _host.PostAsync(_host.Message("define cyber sovereignty"), token: null);
        var card = (await _host.Connector.WaitForDeliveredAsync(2))[1].Card!;

        var feedback = card["actions"]!.AsArray().Select(a => a!["data"]!.AsObject()).ToList();
        Assert.Equal(2, feedback.Count);
        Assert.All(feedback, d => Assert.Equal("feedback", d["cybercode"]!.GetValue<string>()));
        Assert.Equal("define cyber sovereignty", feedback[0]["question"]!.GetValue<string>());
        Assert.True(feedback[0]["helpful"]!.GetValue<bool>());
        Assert.False(feedback[1]["helpful"]!.GetValue<bool>());
    }

    [Fact]
    public async Task NotHelpful_IsRecordedAndThanked()
    {
        var value = new JsonObject { ["cybercode"] = "feedback", ["helpful"] = false, ["question"] = "what is the timeline", ["kind"] = "timeline" };
        await _host.PostAsync(_host.Message(string.Empty, value: value), token: null);
        var calls = await _host.Connector.WaitForDeliveredAsync(1);

        Assert.Contains("Thanks", calls[0].Activity["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var log = _host.App.Services.GetRequiredService<IQuestionLog>();
        var tally = Assert.Single(await log.TopAsync(10, QuestionSignal.NotHelpful, default));
        Assert.Contains(tally.Channels, c => c.StartsWith("teams", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownCardAction_IsIgnoredPolitely()
    {
        var value = new JsonObject { ["cybercode"] = "quiz-answer", ["choice"] = 2 };
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(_host.Message(string.Empty, value: value), token: null)).StatusCode);
        await _host.Queue.WhenIdle();

        Assert.Empty(_host.Connector.Calls);
    }

    [Fact]
    public async Task BotAdded_GetsOneWelcomeCard()
    {
        var update = Update(membersAdded: TeamsHost.BotId);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(update, token: null)).StatusCode);
        var calls = await _host.Connector.WaitForDeliveredAsync(1);

        // Teams may tell of the same install again (a new activity id): still one welcome.
        await _host.PostAsync(Update(membersAdded: TeamsHost.BotId), token: null);
        await _host.Queue.WhenIdle();

        var welcome = Assert.Single(_host.Connector.Calls);
        Assert.Equal("/v3/conversations/19%3Ateam-general%40thread.skype/activities", welcome.Path);
        Assert.Contains("Hello, I'm CyberCode", welcome.Card!.ToJsonString(Activities.ActivityJson.Options), StringComparison.Ordinal);
        Assert.Contains("@mention", welcome.Card!.ToJsonString(Activities.ActivityJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneElseAdded_GetsNoWelcome()
    {
        await _host.PostAsync(Update(membersAdded: "29:someone"), token: null);
        await _host.Queue.WhenIdle();

        Assert.Empty(_host.Connector.Calls);
    }

    [Fact]
    public async Task SameActivityDeliveredTwice_IsAnsweredOnce()
    {
        var activity = _host.Message("timeline", id: "1234567890");
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(activity, token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(activity, token: null)).StatusCode);
        await _host.Connector.WaitForDeliveredAsync(2);
        await _host.Queue.WhenIdle();

        Assert.Equal(2, _host.Connector.Calls.Count);
    }

    [Fact]
    public async Task FailedDelivery_LetsTheConnectorsRetryThrough()
    {
        // 404 is not retried: the answer is lost, so the same activity delivered again is answered.
        _host.Connector.FailNext(200);
        _host.Connector.FailNext(404);
        var activity = _host.Message("timeline", id: "retry-me");
        await _host.PostAsync(activity, token: null);
        await _host.Queue.WhenIdle();
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception is not null);

        await _host.PostAsync(activity, token: null);
        await _host.Queue.WhenIdle();

        Assert.Equal("message", _host.Connector.Delivered[^1].Type);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("installationUpdate")]
    [InlineData("somethingNew")]
    public async Task OtherActivityTypes_AreAcknowledgedAndIgnored(string type)
    {
        var activity = _host.Message("timeline");
        activity["type"] = type;
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(activity, token: null)).StatusCode);
        await _host.Queue.WhenIdle();

        Assert.Empty(_host.Connector.Calls);
    }

    [Fact]
    public async Task Invoke_IsAnsweredInTheResponse()
    {
        var activity = _host.Message(string.Empty);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        var response = await _host.PostAsync(activity, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"message\"}")]
    [InlineData("{\"type\":\"message\",\"serviceUrl\":\"ftp://127.0.0.1/\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"a\"}}")]
    [InlineData("{\"serviceUrl\":\"http://127.0.0.1/\",\"channelId\":\"msteams\",\"conversation\":{\"id\":\"a\"}}")]
    public async Task Malformed_Is400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _host.Client.PostAsync(new Uri("api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_host.Connector.Calls);
    }

    [Fact]
    public async Task Oversized_Is413()
    {
        var activity = _host.Message(new string('x', 300 * 1024));
        var response = await _host.PostAsync(activity, token: null);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task LocalDevelopment_RefusesConnectorsElsewhere()
    {
        var activity = _host.Message("timeline");
        activity["serviceUrl"] = "https://smba.trafficmanager.net/emea/";
        var response = await _host.PostAsync(activity, token: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await _host.Queue.WhenIdle();
        Assert.Empty(_host.Connector.Calls);
    }

    [Fact]
    public void LocalDevelopment_IsWarnedAboutOnceAtStart()
    {
        var warning = Assert.Single(_host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("local development mode", StringComparison.Ordinal));
        Assert.Contains("Teams__MicrosoftAppId", warning.Message, StringComparison.Ordinal);
    }

    private JsonObject Update(string membersAdded)
    {
        var update = _host.Message(string.Empty, conversationType: "channel");
        update["type"] = "conversationUpdate";
        update["conversation"]!["id"] = "19:team-general@thread.skype";
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = membersAdded });
        update.Remove("text");
        return update;
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text, Activities.ActivityJson.Options)[1..^1];
}
