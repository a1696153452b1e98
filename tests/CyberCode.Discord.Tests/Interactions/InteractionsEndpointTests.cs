using System.Net;
using System.Text;
using System.Text.Json;

namespace CyberCode.Discord.Tests.Interactions;

/// <summary><c>POST /api/discord/interactions</c> with requests signed by a test Ed25519 key.</summary>
public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    private EndpointHost _host = null!;

    public async Task InitializeAsync() => _host = await EndpointHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Ping_SignedCorrectly_IsAnsweredWithPong()
    {
        var response = await _host.InteractAsync(new { id = "1", type = 1, application_id = Harness.ApplicationId, token = "t" });

        Assert.Equal(1, response.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task Ping_BadSignature_Is401()
    {
        const string body = """{"id":"1","type":1}""";
        using var request = _host.Signer.Request("/api/discord/interactions", body);
        request.Content = new StringContent(body.Replace("1", "2", StringComparison.Ordinal), Encoding.UTF8, "application/json");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Ping_NoSignature_Is401()
    {
        using var response = await _host.Client.PostAsync("/api/discord/interactions", new StringContent("""{"id":"1","type":1}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignatureFromAnotherTimestamp_Is401()
    {
        const string body = """{"id":"1","type":1}""";
        using var request = _host.Signer.Request("/api/discord/interactions", body, "1767603600");
        request.Headers.Remove("X-Signature-Timestamp");
        request.Headers.Add("X-Signature-Timestamp", "1767603601");

        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"id\":\"5\",\"type\":42}")]
    [InlineData("{\"id\":\"5\",\"type\":\"two\"}")]
    [InlineData("{\"id\":\"5\",\"type\":2}")]
    public async Task Malformed_SignedButUnreadable_Is400Problem(string body)
    {
        using var response = await _host.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Oversized_Is413NotA500()
    {
        var body = "{\"id\":\"1\",\"type\":1,\"pad\":\"" + new string('x', 200_000) + "\"}";

        using var response = await _host.PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Define_AnswersAtOnceWithEmbedQuotingThePassage()
    {
        var response = await _host.InteractAsync(EndpointHost.Command("define", ("term", "cyber sovereignty")));

        Assert.Equal(4, response.GetProperty("type").GetInt32());
        var data = response.GetProperty("data");
        Assert.Empty(data.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        var embed = data.GetProperty("embeds")[0];
        Assert.Contains(embed.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("II.5 · ", StringComparison.Ordinal));
        Assert.Equal(Harness.Engine.Knowledge.Essay.Title, embed.GetProperty("footer").GetProperty("text").GetString());
        Assert.False(string.IsNullOrWhiteSpace(embed.GetProperty("description").GetString()));
        var buttons = data.GetProperty("components").EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray()).Select(b => b.GetProperty("custom_id").GetString()).ToList();
        Assert.Contains("cc:passage:II.5", buttons);
        Assert.Contains(buttons, b => b!.StartsWith("cc:fb:1:definition", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("changes", "changes")]
    [InlineData("timeline", "timeline")]
    [InlineData("help", "help")]
    public async Task CommandsWithoutOptions_AnswerWithTheirKind(string command, string expectedTitleWord)
    {
        var response = await _host.InteractAsync(EndpointHost.Command(command));

        var embed = response.GetProperty("data").GetProperty("embeds")[0];
        Assert.Equal(4, response.GetProperty("type").GetInt32());
        Assert.NotEqual(expectedTitleWord, embed.GetProperty("description").GetString());
        Assert.True(embed.GetProperty("description").GetString()!.Length is > 20 and <= 4096);
    }

    [Fact]
    public async Task Source_ShowsTheWholePassage()
    {
        var response = await _host.InteractAsync(EndpointHost.Command("source", ("id", "II.5")));

        var embed = response.GetProperty("data").GetProperty("embeds")[0];
        Assert.StartsWith("II.5", embed.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_EveryoneInTheQuestion_NeverPings()
    {
        var response = await _host.InteractAsync(EndpointHost.Command("ask", ("question", "@everyone @here <@&123> what changed in 2015")));

        var data = response.GetProperty("data");
        Assert.Empty(data.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.All(Strings(data), s =>
        {
            Assert.DoesNotContain("@everyone", s, StringComparison.Ordinal);
            Assert.DoesNotContain("@here", s, StringComparison.Ordinal);
            Assert.DoesNotContain("<@&", s, StringComparison.Ordinal);
        });
    }

    /// <summary>Every string value in a JSON tree: all the text Discord would show.</summary>
    internal static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public async Task Autocomplete_Define_OffersAtMost25TermsMatchingWhatWasTyped()
    {
        var all = await _host.InteractAsync(EndpointHost.Autocomplete("define", "term", string.Empty));
        var typed = await _host.InteractAsync(EndpointHost.Autocomplete("define", "term", "sover"));

        Assert.Equal(8, all.GetProperty("type").GetInt32());
        var allChoices = all.GetProperty("data").GetProperty("choices").EnumerateArray().ToList();
        Assert.InRange(allChoices.Count, 1, 25);
        var choices = typed.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!).ToList();
        Assert.Contains(choices, c => c.Contains("sovereignty", StringComparison.OrdinalIgnoreCase));
        Assert.All(choices, c => Assert.Contains("sover", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Autocomplete_Source_OffersPassageIds()
    {
        var response = await _host.InteractAsync(EndpointHost.Autocomplete("source", "id", "II."));

        var values = response.GetProperty("data").GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()).ToList();
        Assert.Contains("II.5", values);
        Assert.DoesNotContain("I.1", values);
    }

    [Fact]
    public async Task Button_WholePassage_AnswersOnlyThePresser()
    {
        var response = await _host.InteractAsync(EndpointHost.Button("cc:passage:II.5"));

        var data = response.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.StartsWith("II.5", data.GetProperty("embeds")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Button_DidYouMean_AnswersTheSuggestion()
    {
        var response = await _host.InteractAsync(EndpointHost.Button("cc:ask:define cyber sovereignty"));

        Assert.Equal(4, response.GetProperty("type").GetInt32());
        Assert.Contains(response.GetProperty("data").GetProperty("embeds")[0].GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("II.5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Button_Helpful_IsThankedPrivately()
    {
        var message = new { id = "700", embeds = new[] { new { author = new { name = "Asked: define cyber sovereignty" } } } };

        var response = await _host.InteractAsync(EndpointHost.Button("cc:fb:1:definition:cyber-sovereignty", message));

        Assert.Equal(64, response.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("helpful", response.GetProperty("data").GetProperty("content").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownCommand_IsAnEphemeralError()
    {
        var response = await _host.InteractAsync(EndpointHost.Command("dance"));

        Assert.Equal(64, response.GetProperty("data").GetProperty("flags").GetInt32());
    }

    [Fact]
    public async Task SameInteractionTwice_IsHandledOnce()
    {
        var command = JsonSerializer.Serialize(EndpointHost.Command("help"));

        using var first = await _host.PostSignedAsync(command);
        using var second = await _host.PostSignedAsync(command);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }
}

/// <summary>Work that may take long is deferred (type 5) and finished by editing the original response.</summary>
public sealed class DeferredInteractionTests : IAsyncLifetime
{
    private EndpointHost _host = null!;

    public async Task InitializeAsync() => _host = await EndpointHost.StartAsync(new Dictionary<string, string?> { ["Discord:DeferAfterMilliseconds"] = "0" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Define_Deferred_RespondsType5ThenEditsOriginal()
    {
        var response = await _host.InteractAsync(EndpointHost.Command("define", ("term", "cyber sovereignty")));
        var edit = await _host.Fake.NextRequestAsync();

        Assert.Equal(5, response.GetProperty("type").GetInt32());
        Assert.Equal("PATCH", edit.Method);
        Assert.StartsWith($"/webhooks/{Harness.ApplicationId}/token-", edit.Path, StringComparison.Ordinal);
        Assert.EndsWith("/messages/@original", edit.Path, StringComparison.Ordinal);
        Assert.Empty(edit.Json.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Contains(edit.Json.GetProperty("embeds")[0].GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("II.5", StringComparison.Ordinal));
    }
}

/// <summary>Without a public key the endpoint is off and says which setting turns it on.</summary>
public sealed class InteractionsOffTests
{
    [Fact]
    public async Task NoPublicKey_Is404ProblemNamingTheSetting()
    {
        await using var host = await EndpointHost.StartAsync(new Dictionary<string, string?> { ["Discord:PublicKey"] = null });

        using var response = await host.PostSignedAsync("""{"id":"1","type":1}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Discord:PublicKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
