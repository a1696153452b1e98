using System.Net;
using CyberCode.Bot.Tests.Cli;

namespace CyberCode.Bot.Tests.Web;

/// <summary><c>POST /api/ask</c> over real HTTP: the contract's answer object, and friendly problems for bad input.</summary>
public sealed class AskApiTests(SharedService service) : IClassFixture<SharedService>
{
    private HttpClient Client => service.Host.Client;

    [Fact]
    public async Task Ask_DefineTerm_AnswersWithACitationTitleAndEntryId()
    {
        using var response = await Client.AskAsync("define cyber sovereignty");

        var json = await Http.JsonAsync(response);
        var answer = AnswerObject.Parse(json.GetRawText());
        Assert.True(answer.Answered);
        Assert.Equal("definition", answer.Kind);
        Assert.Contains(answer.Citations, c => c.PassageId == "II.5");
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("entryId").GetString()));
    }

    [Fact]
    public async Task Ask_UnknownTopic_DeclinesWithAnswerObject()
    {
        using var response = await Client.AskAsync("what is the recipe for pancakes");

        var answer = AnswerObject.Parse((await Http.JsonAsync(response)).GetRawText());
        Assert.False(answer.Answered);
    }

    [Fact]
    public async Task Ask_ScriptTagQuestion_ComesBackAsJsonTextNeverMarkup()
    {
        const string question = "<script>alert('x')</script> define cyber sovereignty";

        using var response = await Client.AskAsync(question);

        var raw = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nosniff", response.Headers.GetValues("X-Content-Type-Options"));
        Assert.DoesNotContain("<script>", raw, StringComparison.OrdinalIgnoreCase);
        var json = await Http.JsonAsync(response);
        Assert.Contains("<script>", json.GetProperty("question").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"question\": ")]
    [InlineData("not json at all")]
    [InlineData("[\"define cyber sovereignty\"]")]
    [InlineData("{\"question\": 42}")]
    [InlineData("null")]
    public async Task Ask_BadJson_Is400ProblemSayingWhatToSend(string body)
    {
        using var response = await Client.PostAsync("api/ask", Http.Raw(body, "application/json"));

        var problem = await Http.ProblemAsync(response, 400);
        Assert.Contains("{\"question\"", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"question\": \"\"}")]
    [InlineData("{\"question\": \"   \"}")]
    [InlineData("{\"question\": null}")]
    public async Task Ask_MissingOrEmptyQuestion_Is400Problem(string body)
    {
        using var response = await Client.PostAsync("api/ask", Http.Raw(body, "application/json"));

        await Http.ProblemAsync(response, 400);
    }

    [Fact]
    public async Task Ask_NotJsonContentType_Is415Problem()
    {
        using var response = await Client.PostAsync("api/ask", Http.Raw("question=define+cyber+sovereignty", "application/x-www-form-urlencoded"));

        var problem = await Http.ProblemAsync(response, 415);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BodyOverTheLimit_Is413Problem()
    {
        var huge = new string('a', 40 * 1024);

        using var response = await Client.AskAsync(huge);

        await Http.ProblemAsync(response, 413);
    }

    [Fact]
    public async Task Ask_OverLongQuestionWithinTheBodyLimit_IsARefusalNotAnError()
    {
        using var response = await Client.AskAsync(string.Join(' ', Enumerable.Repeat("sovereignty", 300)));

        var answer = AnswerObject.Parse((await Http.JsonAsync(response)).GetRawText());
        Assert.False(answer.Answered);
        Assert.Equal("refusal", answer.Kind);
    }

    [Fact]
    public async Task UnknownApiRoute_Is404Problem()
    {
        using var response = await Client.GetAsync("api/no-such-thing");

        await Http.ProblemAsync(response, 404);
    }

    [Fact]
    public async Task Ask_WithGet_Is405ProblemNamingPost()
    {
        using var response = await Client.GetAsync("api/ask");

        var problem = await Http.ProblemAsync(response, 405);
        Assert.Contains("POST", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
