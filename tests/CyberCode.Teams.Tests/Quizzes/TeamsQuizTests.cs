using System.Text.Json.Nodes;
using CyberCode.Core.Quizzes;
using CyberCode.Teams.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyberCode.Teams.Tests.Quizzes;

/// <summary>
/// A study group's quiz in a Teams group chat, through /api/messages and the fake Connector. The
/// quiz's timers run on the host's fake clock: time is up when the test advances it.
/// </summary>
public sealed class TeamsQuizTests : IAsyncLifetime
{
    private const string Group = "19:group-conversation@thread.v2";
    private const int AnswerSeconds = 30;

    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync(authenticated: false, settings: new Dictionary<string, string?>
    {
        ["Quiz:AnswerSeconds"] = AnswerSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Teams:Moderators:0"] = "aad-mod",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task QuizStart_InGroupChat_ConfirmsAndPostsAQuestionCardWithASubmitPerChoice()
    {
        var start = await SendAsync(Say("quiz start 3"));

        var question = Assert.Single(QuestionCards(start));
        Assert.Equal("POST", question.Method);
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(Group)}/activities", question.Path);
        Assert.Equal(TeamsHost.BotId, question.Activity["from"]!["id"]!.GetValue<string>());
        var card = question.Card!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("Question 1 of 3", Texts(card), StringComparison.Ordinal);
        var item = ItemOf(card);
        var actions = card["actions"]!.AsArray();
        Assert.Equal(item.Choices.Count, actions.Count);
        for (var i = 0; i < actions.Count; i++)
        {
            Assert.Equal("Action.Submit", actions[i]!["type"]!.GetValue<string>());
            Assert.Equal("quiz", actions[i]!["data"]!["cybercode"]!.GetValue<string>());
            Assert.True(QuizButton.TryParse(actions[i]!["data"]!["button"]!.GetValue<string>(), out _, out var number, out var choice));
            Assert.Equal((1, i + 1), (number, choice));
        }

        // "Starting a quiz…" goes first, as a reply to the message; the question follows; then the
        // first message is replaced by the confirmation, which so stands above the question.
        var starting = Assert.Single(start, c => c.Method == "POST" && c.Type == "message" && c.Card is null);
        Assert.Equal("Starting a quiz\u2026", starting.Activity["text"]!.GetValue<string>());
        Assert.EndsWith("/activities/" + Uri.EscapeDataString(starting.Activity["replyToId"]!.GetValue<string>()), starting.Path, StringComparison.Ordinal);
        var order = start.ToList();
        Assert.True(order.IndexOf(starting) < order.IndexOf(question));
        var confirmation = Assert.Single(start, c => c.Method == "PUT");
        Assert.True(order.IndexOf(question) < order.IndexOf(confirmation));
        Assert.EndsWith("/activities/" + Uri.EscapeDataString(starting.ResponseId!), confirmation.Path, StringComparison.Ordinal);
        Assert.Contains("Quiz started by Ana", confirmation.Activity["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChoicePress_IsLockedIn_AndASecondPressIsRefusedPolitely()
    {
        var card = Assert.Single(QuestionCards(await SendAsync(Say("quiz start 3")))).Card!;

        var first = Assert.Single(await SendAsync(Press(Button(card, 2))));
        var again = Assert.Single(await SendAsync(Press(Button(card, 1))));

        Assert.StartsWith("Ana: Got it: you chose 2.", Text(first), StringComparison.Ordinal);
        Assert.Contains("already answered question 1", Text(again), StringComparison.Ordinal);
        Assert.StartsWith("Ana: ", Text(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TimeUp_UpdatesTheQuestionInPlaceWithTheAnswerAndQuote_AndPostsTheNext()
    {
        var question = Assert.Single(QuestionCards(await SendAsync(Say("quiz start 3"))));
        var item = ItemOf(question.Card!);
        var questionId = IdOf(question);
        var right = item.Correct + 1;
        await SendAsync(Press(Button(question.Card!, right)));
        await SendAsync(Press(Button(question.Card!, right == 1 ? 2 : 1), user: "ben"));

        var after = await TimeUpAsync();

        var reveal = Assert.Single(after, c => c.Method == "PUT");
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(Group)}/activities/{Uri.EscapeDataString(questionId)}", reveal.Path);
        Assert.Equal(questionId, reveal.Activity["id"]!.GetValue<string>());
        var card = reveal.Card!;
        Assert.Null(card["actions"]);
        var texts = Texts(card);
        Assert.Contains($"\u2705 {right}. {item.Choices[item.Correct]}", texts, StringComparison.Ordinal);
        Assert.Contains(item.Explanation, texts, StringComparison.Ordinal);
        var citation = item.Citations[0];
        Assert.Contains($"\u201C{citation.Quote}\u201D", texts, StringComparison.Ordinal);
        Assert.Contains($"{citation.PassageId} \u00B7 {citation.Section}", texts, StringComparison.Ordinal);
        Assert.Contains("Right: Ana (+", texts, StringComparison.Ordinal);
        Assert.Contains("Wrong: Ben.", texts, StringComparison.Ordinal);
        Assert.Contains("1 pick", texts, StringComparison.Ordinal);

        var next = Assert.Single(QuestionCards(after));
        Assert.Contains("Question 2 of 3", Texts(next.Card!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastAnswer_EndsTheQuizWithAScoreboardCard_AndAnOldButtonSaysItHasEnded()
    {
        var card = Assert.Single(QuestionCards(await SendAsync(Say("quiz start 3")))).Card!;
        var firstCard = card;
        await SendAsync(Press(Button(card, ItemOf(card).Correct + 1)));
        card = Assert.Single(QuestionCards(await TimeUpAsync())).Card!;

        // From question 2 on, the question closes as soon as everyone who joined has answered.
        card = Assert.Single(QuestionCards(await SendAsync(Press(Button(card, ItemOf(card).Correct + 1))))).Card!;
        var end = await SendAsync(Press(Button(card, ItemOf(card).Correct + 1)));

        Assert.Single(end, c => c.Method == "PUT");
        var scoreboard = Assert.Single(end, c => c.Method == "POST" && c.Card is { } k && Texts(k).Contains("Final scores", StringComparison.Ordinal));
        var table = scoreboard.Card!["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "ColumnSet").ToList();
        Assert.Equal(2, table.Count);
        Assert.Contains("Ana", Texts(table[1]), StringComparison.Ordinal);
        Assert.Contains("3 of 3", Texts(table[1]), StringComparison.Ordinal);

        var late = Assert.Single(await SendAsync(Press(Button(firstCard, 1))));
        Assert.Contains("This quiz has ended", Text(late), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStart_InTheSameChannel_SaysOneIsRunning()
    {
        await SendAsync(Say("quiz start 3"));

        var second = await SendAsync(Say("quiz start", user: "ben"));

        Assert.Empty(QuestionCards(second));
        var reply = Assert.Single(second, c => c.Type == "message");
        Assert.Contains("already running here", Text(reply), StringComparison.Ordinal);
        Assert.StartsWith("Ben: ", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondStart_InAnotherThreadOfTheChannel_SaysOneIsRunning()
    {
        await SendAsync(Say("quiz start 3", conversationId: "19:general@thread.tacv2;messageid=111", type: "channel"));

        var second = await SendAsync(Say("quiz", conversationId: "19:general@thread.tacv2;messageid=222", type: "channel"));

        Assert.Contains("already running here", Text(Assert.Single(second, c => c.Type == "message")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTopic_ListsTheTopics()
    {
        var reply = Assert.Single(await SendAsync(Say("quiz start 3 astrology")), c => c.Type == "message");

        var text = Text(reply);
        Assert.Contains("no questions on \"astrology\"", text, StringComparison.Ordinal);
        foreach (var topic in _host.App.Services.GetRequiredService<QuizBank>().Topics)
        {
            Assert.Contains(topic, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Leaderboard_AfterAQuiz_IsACardTableWithPointsQuizzesAndAccuracy()
    {
        await PlayAsync();

        var reply = Assert.Single(await SendAsync(Say("leaderboard", user: "ben")), c => c.Type == "message");

        var card = Assert.IsType<JsonObject>(reply.Card);
        var rows = card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "ColumnSet").ToList();
        Assert.Equal(["#", "Player", "Points", "Quizzes", "Accuracy"], Cells(rows[0]));
        var ana = Cells(rows[1]);
        Assert.Equal("Ana", ana[1]);
        Assert.Equal("1", ana[3]);
        Assert.Equal("100% (3/3)", ana[4]);
        Assert.Contains("Leaderboard", card["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_AndScore_AreCards()
    {
        var card = Assert.Single(QuestionCards(await SendAsync(Say("quiz start 3")))).Card!;
        var score = Assert.Single(await SendAsync(Say("quiz score")), c => c.Type == "message");
        Assert.Contains("Scores after 0 of 3", Texts(Assert.IsType<JsonObject>(score.Card)), StringComparison.Ordinal);

        var none = Assert.Single(await SendAsync(Say("quiz stats")), c => c.Type == "message");
        Assert.Null(none.Card);
        Assert.Contains("Ana: You have not finished a quiz here yet", Text(none), StringComparison.Ordinal);

        await SendAsync(Press(Button(card, ItemOf(card).Correct + 1)));
        await SendAsync(Say("quiz stop"));
        var stats = Assert.Single(await SendAsync(Say("quiz stats")), c => c.Type == "message");
        var facts = Texts(Assert.IsType<JsonObject>(stats.Card));
        Assert.Contains("Quiz totals for Ana", facts, StringComparison.Ordinal);
        Assert.Contains("100% (1/1)", stats.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_ByAnotherMember_IsRefused_ByAModerator_EndsTheQuiz()
    {
        await SendAsync(Say("quiz start 3"));

        var refused = Assert.Single(await SendAsync(Say("quiz stop", user: "ben")), c => c.Type == "message");
        Assert.Contains("Only Ana", Text(refused), StringComparison.Ordinal);

        var stopped = await SendAsync(Say("quiz stop", user: "mod"));
        Assert.Single(stopped, c => c.Method == "PUT");
        Assert.Single(stopped, c => c.Card is { } k && Texts(k).Contains("Quiz stopped", StringComparison.Ordinal));
        Assert.Contains("Quiz stopped by Mo", Text(Assert.Single(stopped, c => c.Card is null && c.Type == "message")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalChat_IsASoloQuiz_RevealedAsSoonAsTheOnePlayerAnswers()
    {
        var card = Assert.Single(QuestionCards(await SendAsync(Say("quiz start 3", conversationId: "a:personal-conversation", type: "personal")))).Card!;

        var answered = await SendAsync(Press(Button(card, 1), conversationId: "a:personal-conversation", type: "personal"));

        Assert.Single(answered, c => c.Method == "PUT");
        Assert.Single(QuestionCards(answered));
        Assert.DoesNotContain(answered, c => c.Activity["text"]?.GetValue<string>()?.StartsWith("Ana:", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task PersonalChat_ATypedAnswer_IsRepliedToAboveTheNextQuestion()
    {
        const string chat = "a:personal-conversation";
        Assert.Single(QuestionCards(await SendAsync(Say("quiz start 3", conversationId: chat, type: "personal"))));

        var answered = (await SendAsync(Say("1", conversationId: chat, type: "personal"))).ToList();

        // The reply holds its place, the reveal replaces the question, the next one follows, and
        // the held reply becomes what was chosen, so it stands above the next question.
        var held = Assert.Single(answered, c => c.Method == "POST" && c.Card is null && c.Type == "message");
        Assert.Equal("Checking your answer\u2026", held.Activity["text"]!.GetValue<string>());
        var next = Assert.Single(QuestionCards(answered));
        Assert.Contains("Question 2 of 3", Texts(next.Card!), StringComparison.Ordinal);
        var updates = answered.Where(c => c.Method == "PUT").ToList();
        Assert.Equal(2, updates.Count);
        var reply = Assert.Single(updates, c => c.Path.EndsWith("/activities/" + Uri.EscapeDataString(held.ResponseId!), StringComparison.Ordinal));
        Assert.Contains("You chose 1", reply.Activity["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(answered.IndexOf(held) < answered.IndexOf(next));
        Assert.True(answered.IndexOf(next) < answered.IndexOf(reply));
    }

    [Fact]
    public async Task ForgedButton_IsAnsweredNotThrown()
    {
        var reply = Assert.Single(await SendAsync(Press("quiz:zzzzzzzz:1:1")));
        Assert.Contains("no such quiz", Text(reply), StringComparison.OrdinalIgnoreCase);

        var junk = Assert.Single(await SendAsync(Press("not-a-button")));
        Assert.Contains("quiz start", Text(junk), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionPostFails_IsLogged_AndTheQuizGoesOn()
    {
        _host.Connector.FailNext(200); // typing
        _host.Connector.FailNext(200); // "Starting a quiz…"
        _host.Connector.FailNext(404); // the question card: not retried
        var start = await SendAsync(Say("quiz start 3"));

        Assert.Contains("Quiz started", Text(Assert.Single(start, c => c.Method == "PUT" && c.Status == 200)), StringComparison.Ordinal);
        Assert.Contains(_host.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("could not be posted", StringComparison.Ordinal));

        // No card to update: the reveal is posted as a new message, and question 2 follows.
        var after = await TimeUpAsync();
        Assert.DoesNotContain(after, c => c.Method == "PUT");
        Assert.Single(after, c => c.Card is { } k && Texts(k).Contains("\u2705", StringComparison.Ordinal));
        Assert.Single(QuestionCards(after));
    }

    /// <summary>Ana plays a whole quiz of three and gets everything right.</summary>
    private async Task PlayAsync()
    {
        var card = Assert.Single(QuestionCards(await SendAsync(Say("quiz start 3")))).Card!;
        await SendAsync(Press(Button(card, ItemOf(card).Correct + 1)));
        card = Assert.Single(QuestionCards(await TimeUpAsync())).Card!;
        card = Assert.Single(QuestionCards(await SendAsync(Press(Button(card, ItemOf(card).Correct + 1))))).Card!;
        await SendAsync(Press(Button(card, ItemOf(card).Correct + 1)));
    }

    /// <summary>Posts the activity and returns the Connector calls it caused, once it is fully handled.</summary>
    private async Task<IReadOnlyList<ConnectorCall>> SendAsync(JsonObject activity)
    {
        var before = _host.Connector.Calls.Count;
        var response = await _host.PostAsync(activity, token: null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await _host.Queue.WhenIdle();
        await _host.Bot.Quizzes.WhenIdleAsync();
        return [.. _host.Connector.Calls.Skip(before)];
    }

    /// <summary>Moves the clock past the open question's deadline and returns what the timer posted.</summary>
    private async Task<IReadOnlyList<ConnectorCall>> TimeUpAsync()
    {
        var before = _host.Connector.Calls.Count;
        _host.Time.Advance(TimeSpan.FromSeconds(AnswerSeconds));
        await _host.Bot.Quizzes.WhenIdleAsync();
        return [.. _host.Connector.Calls.Skip(before)];
    }

    private JsonObject Say(string text, string user = "ana", string conversationId = Group, string type = "groupChat") =>
        As(_host.Message(text, conversationType: type), user, conversationId);

    private JsonObject Press(string buttonId, string user = "ana", string conversationId = Group, string type = "groupChat") =>
        As(_host.Message(string.Empty, conversationType: type, value: new JsonObject { ["cybercode"] = "quiz", ["button"] = buttonId }), user, conversationId);

    private static JsonObject As(JsonObject activity, string user, string conversationId)
    {
        var name = user switch { "ana" => "Ana", "ben" => "Ben", _ => "Mo" };
        activity["from"] = new JsonObject { ["id"] = "29:" + user, ["name"] = name, ["aadObjectId"] = "aad-" + user };
        activity["conversation"]!["id"] = conversationId;
        return activity;
    }

    private static IEnumerable<ConnectorCall> QuestionCards(IEnumerable<ConnectorCall> calls) =>
        calls.Where(c => c.Method == "POST" && c.Card?["actions"] is JsonArray actions && actions.Any(a => a?["data"]?["cybercode"]?.GetValue<string>() == "quiz"));

    private static string Button(JsonObject card, int choice) =>
        card["actions"]![choice - 1]!["data"]!["button"]!.GetValue<string>();

    /// <summary>The bank's item a question card shows (the card does not say which choice is right).</summary>
    private QuizItem ItemOf(JsonObject card)
    {
        var texts = TextList(card);
        return Assert.Single(_host.App.Services.GetRequiredService<QuizBank>().Items, i =>
            texts.Contains(i.Question) && i.Choices.Select((c, n) => $"{n + 1}. {c}").All(texts.Contains));
    }

    private static string IdOf(ConnectorCall call) => Assert.IsType<string>(call.ResponseId);

    private static string Text(ConnectorCall call) => call.Activity["text"]?.GetValue<string>() ?? string.Empty;

    /// <summary>Every text block of the card, one a line, so a test can look for a phrase anywhere in it.</summary>
    private static string Texts(JsonNode card) => string.Join("\n", TextList(card));

    private static List<string> TextList(JsonNode? node) => CardText.All(node);

    private static string[] Cells(JsonObject row) => CardText.Cells(row);
}
