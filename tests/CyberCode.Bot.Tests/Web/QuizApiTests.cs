using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace CyberCode.Bot.Tests.Web;

/// <summary>
/// A web chat quiz over real HTTP: started through <c>POST /api/ask</c>, shown by
/// <c>GET /api/quiz/events</c>, answered by <c>POST /api/quiz/answer</c>. A tab is one person, so
/// each question is revealed as soon as they answer and no test waits for a timer.
/// </summary>
public sealed class QuizApiTests(SharedService service) : IClassFixture<SharedService>
{
    private HttpClient Client => service.Host.Client;

    [Fact]
    public async Task QuizStart3_PlayedToTheEnd_ShowsQuestionsRevealsWithQuotesAndAScoreboard()
    {
        var tab = NewTab();

        var started = await AskAsync(tab, "quiz start 3");
        var quiz = started.GetProperty("quiz");
        Assert.Equal("started", quiz.GetProperty("kind").GetString());
        Assert.Equal("quiz", started.GetProperty("kind").GetString());
        Assert.Contains("3 questions", quiz.GetProperty("text").GetString(), StringComparison.Ordinal);
        var sessionId = quiz.GetProperty("sessionId").GetString()!;

        var feed = await EventsAsync(tab, 0);
        Assert.True(feed.GetProperty("running").GetBoolean());
        var first = Assert.Single(feed.GetProperty("events").EnumerateArray());
        Assert.Equal("question", first.GetProperty("type").GetString());
        Assert.Equal(sessionId, first.GetProperty("sessionId").GetString());
        var q1 = first.GetProperty("question");
        Assert.Equal(1, q1.GetProperty("number").GetInt32());
        Assert.Equal(3, q1.GetProperty("count").GetInt32());
        Assert.True(q1.GetProperty("choices").GetArrayLength() >= 2);
        Assert.True(q1.GetProperty("deadline").GetDateTimeOffset() > feed.GetProperty("serverTime").GetDateTimeOffset());
        var after = feed.GetProperty("last").GetInt64();

        var answer = await AnswerAsync(tab, sessionId, 1, 1);
        Assert.Equal("accepted", answer.GetProperty("status").GetString());

        // The reveal of question 1, then question 2, with no waiting: the tab's one player has answered.
        feed = await EventsAsync(tab, after);
        var events = feed.GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(["reveal", "question"], events.Select(e => e.GetProperty("type").GetString()));
        var reveal = events[0].GetProperty("reveal");
        Assert.Equal(1, reveal.GetProperty("number").GetInt32());
        Assert.InRange(reveal.GetProperty("correct").GetInt32(), 1, q1.GetProperty("choices").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(reveal.GetProperty("explanation").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(reveal.GetProperty("who").GetString()));
        var citation = reveal.GetProperty("citations")[0];
        Assert.Matches(@"^[A-Z]{1,3}\.\d{1,3}$", citation.GetProperty("passageId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(citation.GetProperty("section").GetString()));
        Assert.Contains(
            Squash(citation.GetProperty("quote").GetString()!),
            Squash(citation.GetProperty("passageText").GetString()!),
            StringComparison.Ordinal);
        Assert.Equal(1, reveal.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
        Assert.Equal(2, events[1].GetProperty("question").GetProperty("number").GetInt32());

        Assert.Equal("accepted", (await AnswerAsync(tab, sessionId, 2, 2)).GetProperty("status").GetString());
        Assert.Equal("accepted", (await AnswerAsync(tab, sessionId, 3, 1)).GetProperty("status").GetString());

        feed = await EventsAsync(tab, feed.GetProperty("last").GetInt64());
        Assert.False(feed.GetProperty("running").GetBoolean());
        events = feed.GetProperty("events").EnumerateArray().ToArray();
        Assert.Equal(["reveal", "question", "reveal", "scoreboard"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.False(events[2].GetProperty("reveal").GetProperty("more").GetBoolean());
        var board = events[3].GetProperty("scoreboard");
        Assert.Equal("completed", board.GetProperty("end").GetString());
        Assert.Equal(3, board.GetProperty("asked").GetInt32());
        var line = Assert.Single(board.GetProperty("lines").EnumerateArray());
        Assert.Equal(tab.Name, line.GetProperty("name").GetString());
        Assert.Equal(3, line.GetProperty("answered").GetInt32());

        var late = await AnswerAsync(tab, sessionId, 3, 2);
        Assert.Equal("ended", late.GetProperty("status").GetString());
        Assert.Contains("this quiz has ended", late.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Answer_Twice_SecondIsRefusedAndCountsOnce()
    {
        var tab = NewTab();
        var sessionId = (await AskAsync(tab, "quiz start 3")).GetProperty("quiz").GetProperty("sessionId").GetString()!;

        Assert.Equal("accepted", (await AnswerAsync(tab, sessionId, 1, 1)).GetProperty("status").GetString());
        var again = await AnswerAsync(tab, sessionId, 1, 2);

        // In a tab's solo quiz the first answer already closed the question, so the engine says
        // "too late"; in a group it says "already answered". Either way it does not count.
        Assert.Contains(again.GetProperty("status").GetString(), new[] { "alreadyAnswered", "tooLate" });
        Assert.False(string.IsNullOrWhiteSpace(again.GetProperty("message").GetString()));
        var score = (await AskAsync(tab, "quiz score")).GetProperty("quiz");
        Assert.Equal("score", score.GetProperty("kind").GetString());
        var line = Assert.Single(score.GetProperty("scoreboard").GetProperty("lines").EnumerateArray());
        Assert.Equal(1, line.GetProperty("answered").GetInt32());

        var stopped = (await AskAsync(tab, "quiz stop")).GetProperty("quiz");
        Assert.Equal("stopped", stopped.GetProperty("kind").GetString());
        var feed = await EventsAsync(tab, 0);
        Assert.Equal("stopped", feed.GetProperty("events").EnumerateArray().Last().GetProperty("scoreboard").GetProperty("end").GetString());
    }

    [Fact]
    public async Task Events_LongPoll_ReturnsTheMomentTheRevealComes()
    {
        var tab = NewTab();
        var sessionId = (await AskAsync(tab, "quiz start 3")).GetProperty("quiz").GetProperty("sessionId").GetString()!;
        var after = (await EventsAsync(tab, 0)).GetProperty("last").GetInt64();

        var clock = Stopwatch.StartNew();
        var waiting = Client.GetAsync($"api/quiz/events?conversation={tab.Conversation}&after={after}&wait=20");
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the request should wait for an event");
        await AnswerAsync(tab, sessionId, 1, 1);

        using var response = await waiting;
        var feed = await Http.JsonAsync(response);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal("reveal", feed.GetProperty("events")[0].GetProperty("type").GetString());
        await AskAsync(tab, "quiz stop");
    }

    [Fact]
    public async Task Events_NoQuizInTheConversation_AnswersAtOnceEvenWhenAskedToWait()
    {
        var clock = Stopwatch.StartNew();
        var feed = await EventsAsync(NewTab(), 0, wait: 20);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(0, feed.GetProperty("events").GetArrayLength());
        Assert.False(feed.GetProperty("running").GetBoolean());
    }

    [Fact]
    public async Task QuizStart_UnknownTopic_IsRefusedWithTheTopics()
    {
        var quiz = (await AskAsync(NewTab(), "quiz start 5 pancakes")).GetProperty("quiz");

        Assert.Equal("refused", quiz.GetProperty("kind").GetString());
        Assert.True(quiz.GetProperty("private").GetBoolean());
        Assert.Contains("pancakes", quiz.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(quiz.GetProperty("topics").EnumerateArray(), t => t.GetString() == "sco");
    }

    [Fact]
    public async Task QuizTopicsAndHelp_AreQuizReplies_AndPlainQuestionsHaveNoQuizObject()
    {
        var tab = NewTab();
        var topics = (await AskAsync(tab, "quiz topics")).GetProperty("quiz");
        Assert.Equal("topics", topics.GetProperty("kind").GetString());
        Assert.True(topics.GetProperty("topics").GetArrayLength() > 0);
        Assert.Equal("help", (await AskAsync(tab, "quiz help")).GetProperty("quiz").GetProperty("kind").GetString());

        var answer = await AskAsync(tab, "define cyber sovereignty");
        Assert.False(answer.TryGetProperty("quiz", out _));
        Assert.Equal("definition", answer.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Leaderboard_AfterAQuiz_ListsThePlayerByName()
    {
        var tab = NewTab();
        var sessionId = (await AskAsync(tab, "quiz start 3")).GetProperty("quiz").GetProperty("sessionId").GetString()!;
        for (var n = 1; n <= 3; n++)
        {
            await AnswerAsync(tab, sessionId, n, 1);
        }

        var leaderboard = (await AskAsync(tab, "leaderboard")).GetProperty("quiz");
        Assert.Equal("leaderboard", leaderboard.GetProperty("kind").GetString());
        Assert.Contains(leaderboard.GetProperty("standings").EnumerateArray(), s => s.GetProperty("name").GetString() == tab.Name);
        var stats = (await AskAsync(tab, "quiz stats")).GetProperty("quiz");
        var mine = Assert.Single(stats.GetProperty("standings").EnumerateArray());
        Assert.Equal(3, mine.GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task Answer_FromAnotherTab_IsNotYours()
    {
        var tab = NewTab();
        var sessionId = (await AskAsync(tab, "quiz start 3")).GetProperty("quiz").GetProperty("sessionId").GetString()!;

        var other = await AnswerAsync(NewTab(), sessionId, 1, 1);

        Assert.Equal("notYours", other.GetProperty("status").GetString());
        await AskAsync(tab, "quiz stop");
    }

    [Fact]
    public async Task QuizStart_WithoutAConversation_SaysHowToPlay()
    {
        using var response = await Client.AskAsync("quiz start 3");

        var json = await Http.JsonAsync(response);
        Assert.Equal("refused", json.GetProperty("quiz").GetProperty("kind").GetString());
        Assert.Contains("conversation", json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has spaces in it, not allowed!!")]
    [InlineData("<script>alert(1)</script>xxxxxxxx")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task BadConversationId_Is400Everywhere(string conversation)
    {
        using var ask = await Client.PostAsync("api/ask", Http.Json(new { question = "quiz start 3", conversation }));
        await Http.ProblemAsync(ask, 400);

        using var events = await Client.GetAsync($"api/quiz/events?conversation={Uri.EscapeDataString(conversation)}&after=0");
        await Http.ProblemAsync(events, 400);

        using var answer = await Client.PostAsync("api/quiz/answer", Http.Json(new { conversation, sessionId = "abcdefgh", question = 1, choice = 1 }));
        var problem = await Http.ProblemAsync(answer, 400);
        Assert.Contains("conversation", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<b>Ana</b>")]
    [InlineData("Ana\nBen")]
    [InlineData("A name far longer than thirty-two characters")]
    public async Task BadName_Is400(string name)
    {
        using var response = await Client.PostAsync("api/ask", Http.Json(new { question = "quiz start 3", conversation = NewTab().Conversation, name }));

        var problem = await Http.ProblemAsync(response, 400);
        Assert.Contains("name", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"conversation\": \"0123456789abcdef0123\", \"question\": 1, \"choice\": 1}")]
    [InlineData("{\"conversation\": \"0123456789abcdef0123\", \"sessionId\": \"abc:def\", \"question\": 1, \"choice\": 1}")]
    [InlineData("{\"conversation\": \"0123456789abcdef0123\", \"sessionId\": \"abcdefgh\", \"question\": 0, \"choice\": 1}")]
    [InlineData("{\"conversation\": \"0123456789abcdef0123\", \"sessionId\": \"abcdefgh\", \"question\": 1}")]
    [InlineData("{\"conversation\": \"0123456789abcdef0123\", \"sessionId\": \"abcdefgh\", \"question\": 1, \"choice\": 12}")]
    public async Task Answer_Malformed_Is400SayingWhatToSend(string body)
    {
        using var response = await Client.PostAsync("api/quiz/answer", Http.Raw(body, "application/json"));

        var problem = await Http.ProblemAsync(response, 400);
        Assert.Contains("sessionId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_UnknownQuiz_IsNoSuchQuiz()
    {
        var result = await AnswerAsync(NewTab(), "zzzzzzzz", 1, 1);

        Assert.Equal("noSuchQuiz", result.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("after=-1")]
    [InlineData("after=x")]
    [InlineData("wait=60")]
    public async Task Events_BadParameters_Are400(string query)
    {
        using var response = await Client.GetAsync($"api/quiz/events?conversation={NewTab().Conversation}&{query}");

        await Http.ProblemAsync(response, 400);
    }

    private static Tab NewTab() => new(Guid.NewGuid().ToString("N"), "Tester " + Random.Shared.Next(1000, 9999));

    private static string Squash(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task ABareNumberWithNoQuestionOpen_SaysHowToStartAQuiz_InsteadOfBeingAskedAsAQuestion()
    {
        var reply = await AskAsync(NewTab(), "2");

        Assert.Equal("quiz", reply.GetProperty("kind").GetString());
        var text = reply.GetProperty("quiz").GetProperty("text").GetString();
        Assert.Contains("No quiz question is open here", text, StringComparison.Ordinal);
        Assert.Contains("quiz start", text, StringComparison.Ordinal);
    }

    private async Task<JsonElement> AskAsync(Tab tab, string question)
    {
        using var response = await Client.PostAsync("api/ask", Http.Json(new { question, conversation = tab.Conversation, name = tab.Name }));
        return await Http.JsonAsync(response);
    }

    private async Task<JsonElement> EventsAsync(Tab tab, long after, int wait = 0)
    {
        using var response = await Client.GetAsync($"api/quiz/events?conversation={tab.Conversation}&after={after}&wait={wait}");
        return await Http.JsonAsync(response);
    }

    private async Task<JsonElement> AnswerAsync(Tab tab, string sessionId, int question, int choice)
    {
        using var response = await Client.PostAsJsonAsync("api/quiz/answer", new { conversation = tab.Conversation, sessionId, question, choice, name = tab.Name });
        return await Http.JsonAsync(response);
    }

    private sealed record Tab(string Conversation, string Name);
}
