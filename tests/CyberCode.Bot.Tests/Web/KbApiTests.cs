using System.Net;
using System.Text.Json;
using CyberCode.Bot.Tests.Cli;

namespace CyberCode.Bot.Tests.Web;

/// <summary>
/// <c>/api/kb</c>, the web moderation form's API: only the admin token moderates, a change is
/// answered from by the next question in the web chat, and each refusal has the status and the
/// text a form needs to show it (a stale save 409 with the current text, a bad quote 422 with the
/// closest passage beside the quotes).
/// </summary>
public sealed class KbApiTests : ServicePerTest
{
    internal const string Token = "test-admin-token-0123456789";
    internal const string Missed = "which pact came out of the russian city meeting";
    internal const string Quote = "they signed the Agreement on Cooperation in Ensuring International Information Security between the Member States of the SCO at the summit in Yekaterinburg in 2009";

    private static readonly object NewQuestion = new
    {
        kind = "question",
        title = "Which pact came out of the Russian city meeting?",
        text = "The SCO information-security agreement, signed at Yekaterinburg in 2009.",
        cites = new[] { Quote },
        phrasings = new[] { "what did the SCO sign in Yekaterinburg" },
    };

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Web:AdminToken"] = Token };

    [Theory]
    [InlineData(null, "needs the admin token")]
    [InlineData("Bearer wrong-token", "not this service's admin token")]
    [InlineData("Basic " + Token, "not this service's admin token")]
    public async Task AnyKbRequest_WithoutTheAdminToken_Is401SayingWhatToDo(string? authorization, string detail)
    {
        using var list = await SendAsync(HttpMethod.Get, "api/kb/entries", null, authorization);
        using var add = await SendAsync(HttpMethod.Post, "api/kb/entries", NewQuestion, authorization);

        var problem = await Http.ProblemAsync(list, 401);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Bearer", list.Headers.WwwAuthenticate.Single().Scheme);
        await Http.ProblemAsync(add, 401);
        Assert.False((await AskAsync(Missed)).Answered);
    }

    [Fact]
    public async Task AddQuestion_ThenTheChatAsksIt_AnswersFromTheNewEntryWithItsQuote()
    {
        Assert.False((await AskAsync(Missed)).Answered);

        using var response = await SendAsync(HttpMethod.Post, "api/kb/entries", NewQuestion);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var reply = await Body(response);
        Assert.Equal("done", reply.GetProperty("outcome").GetString());
        var id = reply.GetProperty("entryId").GetString()!;
        Assert.Equal($"/api/kb/entries/{id}", response.Headers.Location?.ToString());
        Assert.Equal(1, reply.GetProperty("revision").GetInt32());
        Assert.Matches(@"^(I|II|III|N)\.\d+$", reply.GetProperty("citations")[0].GetProperty("passageId").GetString());
        Assert.Contains("Yekaterinburg in 2009", reply.GetProperty("citations")[0].GetProperty("quote").GetString(), StringComparison.Ordinal);

        var answer = await AskAsync(Missed);
        Assert.True(answer.Answered, answer.Text);
        Assert.Contains("Yekaterinburg in 2009", answer.Citations[0].Quote, StringComparison.Ordinal);
        Assert.True((await AskAsync("what did the SCO sign in Yekaterinburg")).Answered);

        // The edit form is filled from the entry's fields as the chat now sees them.
        using var shown = await SendAsync(HttpMethod.Get, $"api/kb/entries/{id}", null);
        var entry = (await Body(shown)).GetProperty("entry");
        Assert.Equal("question", entry.GetProperty("kind").GetString());
        Assert.Equal("Which pact came out of the Russian city meeting?", entry.GetProperty("title").GetString());
        Assert.Equal(Quote, entry.GetProperty("cites")[0].GetString());
        Assert.Equal("what did the SCO sign in Yekaterinburg", entry.GetProperty("phrasings")[0].GetString());
        Assert.Equal(1, entry.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Edit_WithTheRevisionItWasLoadedAt_IsConflictAfterSomeoneElsesSave_ShowingTheCurrentText()
    {
        var id = (await Body(await SendAsync(HttpMethod.Post, "api/kb/entries", NewQuestion))).GetProperty("entryId").GetString()!;
        using var first = await SendAsync(HttpMethod.Put, $"api/kb/entries/{id}", new { revision = 1, text = "The first moderator's answer about Yekaterinburg." });
        Assert.Equal(2, (await Body(first)).GetProperty("revision").GetInt32());

        using var stale = await SendAsync(HttpMethod.Put, $"api/kb/entries/{id}", new { revision = 1, text = "The second moderator's answer, from an old form." });

        var problem = await Http.ProblemAsync(stale, 409);
        Assert.Equal("conflict", problem.GetProperty("outcome").GetString());
        Assert.Equal(2, problem.GetProperty("revision").GetInt32());
        Assert.Contains("The first moderator's answer", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("The first moderator's answer about Yekaterinburg.", problem.GetProperty("entry").GetProperty("text").GetString());
        Assert.Equal(2, problem.GetProperty("entry").GetProperty("revision").GetInt32());
        Assert.Contains("first moderator", (await AskAsync(Missed)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WithAQuoteNotInTheEssay_Is422_NamingTheClosestPassageUnderCites()
    {
        using var response = await SendAsync(HttpMethod.Post, "api/kb/entries", new
        {
            kind = "term",
            title = "Yekaterinburg agreement",
            text = "The SCO agreement on information security of 2009.",
            cites = new[] { "they signed the Agreement on Cooperation in Ensuring Information Security at Yekaterinburg" },
        });

        var problem = await Http.ProblemAsync(response, 422);
        Assert.Equal("invalid", problem.GetProperty("outcome").GetString());
        var cites = problem.GetProperty("fields").GetProperty("cites")[0].GetString()!;
        Assert.Contains("closest passage", cites, StringComparison.Ordinal);
        Assert.False(problem.GetProperty("fields").TryGetProperty("title", out _));
    }

    [Fact]
    public async Task Import_DryRunStoresNothing_ApplyStores_AndTheExportIsAnAttachmentThatImportsAsNoChanges()
    {
        const string Yaml = """
            questions:
              - id: yekaterinburg-pact
                question: Which pact came out of the Russian city meeting?
                answer: The SCO information-security agreement, signed at Yekaterinburg in 2009.
                cite:
                  - "they signed the Agreement on Cooperation in Ensuring International Information Security between the Member States of the SCO at the summit in Yekaterinburg in 2009"
            """;

        using var dry = await SendAsync(HttpMethod.Post, "api/kb/import", new { yaml = Yaml, apply = false });
        var dryReply = await Body(dry);
        Assert.True(dryReply.GetProperty("canApply").GetBoolean(), dryReply.ToString());
        Assert.Contains("yekaterinburg-pact", dryReply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.False((await AskAsync(Missed)).Answered);

        using var applied = await SendAsync(HttpMethod.Post, "api/kb/import", new { yaml = Yaml, apply = true });
        Assert.Equal("done", (await Body(applied)).GetProperty("outcome").GetString());
        Assert.True((await AskAsync(Missed)).Answered);

        using var export = await SendAsync(HttpMethod.Get, "api/kb/export", null);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("knowledge-local.yaml", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("application/yaml", export.Content.Headers.ContentType?.MediaType);
        var exported = await export.Content.ReadAsStringAsync();
        Assert.Contains("yekaterinburg-pact", exported, StringComparison.Ordinal);

        using var again = await SendAsync(HttpMethod.Post, "api/kb/import", new { yaml = exported, apply = false });
        var againReply = await Body(again);
        Assert.False(againReply.GetProperty("canApply").GetBoolean());
        Assert.Contains("nothing to import", againReply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMiss_ListedWithTheEntryToPhraseItOnto_BecomesAnAnswer_AndEveryStepCanBeUndone()
    {
        Assert.False((await AskAsync(Missed)).Answered);

        using var misses = await SendAsync(HttpMethod.Get, "api/kb/misses", null);
        var miss = (await Body(misses)).GetProperty("misses").EnumerateArray().Single(m => m.GetProperty("question").GetString() == Missed);
        Assert.Equal("missed", miss.GetProperty("signal").GetString());
        Assert.Equal(1, miss.GetProperty("count").GetInt32());
        Assert.False(string.IsNullOrEmpty(miss.GetProperty("suggestedQuote").GetString()));
        var id = miss.GetProperty("phraseOf").GetString()!;

        using var phrased = await SendAsync(HttpMethod.Post, $"api/kb/entries/{id}/phrasings", new { phrase = Missed });
        Assert.Equal(1, (await Body(phrased)).GetProperty("revision").GetInt32());
        Assert.True((await AskAsync(Missed)).Answered);

        using var removed = await SendAsync(HttpMethod.Delete, $"api/kb/entries/{id}", null);
        Assert.Equal(2, (await Body(removed)).GetProperty("revision").GetInt32());
        await Http.ProblemAsync(await SendAsync(HttpMethod.Get, $"api/kb/entries/{id}", null), 404);

        using var history = await SendAsync(HttpMethod.Get, $"api/kb/entries/{id}/history", null);
        var revisions = (await Body(history)).GetProperty("history");
        Assert.Equal([2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        Assert.True(revisions[0].GetProperty("current").GetBoolean());
        Assert.True(revisions[0].GetProperty("removed").GetBoolean());

        using var reverted = await SendAsync(HttpMethod.Post, $"api/kb/entries/{id}/revert", new { revision = 1 });
        Assert.Equal(3, (await Body(reverted)).GetProperty("revision").GetInt32());
        Assert.True((await AskAsync(Missed)).Answered);

        using var reset = await SendAsync(HttpMethod.Post, $"api/kb/entries/{id}/reset", null);
        Assert.Equal("done", (await Body(reset)).GetProperty("outcome").GetString());
        Assert.False((await AskAsync(Missed)).Answered);
    }

    [Fact]
    public async Task BadRequests_Are400WithWhatToSend_NeverA500()
    {
        using var notJson = await SendRawAsync(HttpMethod.Post, "api/kb/entries", "{\"kind\": \"question\", \"title\": ");
        using var wrongShape = await SendRawAsync(HttpMethod.Post, "api/kb/entries", "{\"kind\": \"question\", \"cites\": \"not a list\"}");
        using var noKind = await SendAsync(HttpMethod.Post, "api/kb/entries", new { title = "x" });
        using var noRevision = await SendAsync(HttpMethod.Put, "api/kb/entries/term-cyber-sovereignty", new { text = "A new definition of the term." });
        using var badFilter = await SendAsync(HttpMethod.Get, "api/kb/entries?filter=everything", null);

        Assert.Contains("JSON object", (await Http.ProblemAsync(notJson, 400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Http.ProblemAsync(wrongShape, 400);
        Assert.Contains("\"term\" or \"question\"", (await Http.ProblemAsync(noKind, 400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("revision", (await Http.ProblemAsync(noRevision, 400)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Http.ProblemAsync(badFilter, 400);
        await Http.ProblemAsync(await SendAsync(HttpMethod.Get, "api/kb/entries/no-such-entry", null), 404);
    }

    private async Task<AnswerObject> AskAsync(string question)
    {
        using var response = await Host.Client.AskAsync(question);
        return AnswerObject.Parse((await Http.JsonAsync(response)).GetRawText());
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? authorization = "Bearer " + Token) =>
        SendRawAsync(method, path, body is null ? null : JsonSerializer.Serialize(body), authorization);

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? json, string? authorization = "Bearer " + Token)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = Http.Raw(json, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Host.Client.SendAsync(request);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) => await Http.JsonAsync(response);
}
