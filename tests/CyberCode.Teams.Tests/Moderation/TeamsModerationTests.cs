using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CyberCode.Teams.Tests.Fakes;
using CyberCode.Teams.Tests.Quizzes;

namespace CyberCode.Teams.Tests.Moderation;

/// <summary>
/// Moderators' forms and moderation cards in Teams, through /api/messages and the fake Connector:
/// who gets a form, what a submitted form stores, and how stored text is shown.
/// </summary>
public sealed partial class TeamsModerationTests : IAsyncLifetime
{
    /// <summary>Missed by the shared knowledge (Core's moderation tests check it).</summary>
    private const string Question = "Which pact came out of the Russian city meeting?";

    private const string Quote = "they signed the Agreement on Cooperation in Ensuring International Information Security between the Member States of the SCO at the summit in Yekaterinburg in 2009";

    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync(authenticated: false, settings: new Dictionary<string, string?>
    {
        ["Teams:Moderators:0"] = "aad-mod",
        ["Teams:Moderators:1"] = "AAD-MOD-2",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("kb add question")]
    [InlineData("kb add term")]
    [InlineData("kb form")]
    [InlineData("kb edit term-sco")]
    public async Task FormCommand_ByUserNotInModerators_IsRefusedWithoutAForm(string command)
    {
        var card = await CardReplyAsync(Say(command, user: "ana"));

        Assert.Empty(Inputs(card));
        Assert.Contains("Only moderators", Texts(card), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kb add question", "add-question")]
    [InlineData("kb add term", "add-term")]
    [InlineData("kb form", "add-question")]
    public async Task FormCommand_ByListedModerator_GetsTheAddForm(string command, string action)
    {
        var card = await CardReplyAsync(Say(command, user: "mod"));

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var inputs = Inputs(card);
        Assert.Equal(["title", "text", "quote", "phrasings"], inputs.Where(i => i["type"]!.GetValue<string>() == "Input.Text").Select(i => i["id"]!.GetValue<string>()));
        Assert.True(inputs.Single(i => i["id"]!.GetValue<string>() == "text")["isMultiline"]!.GetValue<bool>());
        var submit = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal("Action.Submit", submit["type"]!.GetValue<string>());
        Assert.Equal("kb", submit["data"]!["cybercode"]!.GetValue<string>());
        Assert.Equal(action, submit["data"]!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task TypedAddWithFields_ByUserNotInModerators_IsRefused()
    {
        var card = await CardReplyAsync(Say($"kb add question {Question} | An answer. | cite: \"{Quote}\"", user: "ana"));

        Assert.Contains("Only moderators", Texts(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormSubmitByNonModerator_IsRefusedAndNothingIsAdded()
    {
        var card = await CardReplyAsync(SubmitAdd("ana", Question, "The SCO states signed their agreement at Yekaterinburg in 2009.", Quote));

        Assert.Contains("Only moderators", Texts(card), StringComparison.Ordinal);
        Assert.DoesNotContain(Quote, Texts(await CardReplyAsync(Say(Question, user: "ana"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormSubmit_AddsTheEntry_AnsweredWithItsQuoteInThisTenantOnly()
    {
        Assert.DoesNotContain(Quote, Texts(await CardReplyAsync(Say(Question, user: "ana"))), StringComparison.Ordinal);

        var done = await CardReplyAsync(SubmitAdd("mod", Question, "The SCO states signed their information-security agreement at the 2009 summit in Yekaterinburg.", Quote));

        Assert.Contains("Done", Texts(done), StringComparison.Ordinal);
        Assert.Contains(Quote, Texts(done), StringComparison.Ordinal);
        Assert.Contains(Quote, Texts(await CardReplyAsync(Say(Question, user: "ana"))), StringComparison.Ordinal);
        Assert.DoesNotContain(Quote, Texts(await CardReplyAsync(Say(Question, user: "ana", tenant: "tenant-2"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormSubmit_WithAQuoteNotInTheEssay_IsRefusedAndNothingIsAdded()
    {
        var card = await CardReplyAsync(SubmitAdd("mod", Question, "An answer.", "words the essay never wrote about Yekaterinburg"));

        Assert.Contains("Not done", Texts(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Done\n", Texts(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditForm_IsPrefilledAtTheCurrentRevision_AndAStaleSubmitIsAConflict()
    {
        var form = await CardReplyAsync(Say("kb edit term-sco", user: "mod"));
        var text = Inputs(form).Single(i => i["id"]!.GetValue<string>() == "text");
        Assert.Contains("intergovernmental organisation", text["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var data = Assert.Single(form["actions"]!.AsArray())!["data"]!.AsObject();
        Assert.Equal("edit", data["action"]!.GetValue<string>());
        Assert.Equal(0, data["rev"]!.GetValue<int>());

        var first = await CardReplyAsync(SubmitForm(form, "mod", ("text", "The Shanghai Cooperation Organization, first moderator's wording.")));
        var second = await CardReplyAsync(SubmitForm(form, "mod-2", ("text", "The Shanghai Cooperation Organization, second moderator's wording.")));

        Assert.Contains("Done", Texts(first), StringComparison.Ordinal);
        Assert.Contains("Changed by someone else", Texts(second), StringComparison.Ordinal);
        Assert.Contains("first moderator", Texts(second), StringComparison.Ordinal);
        var again = Assert.Single(Buttons(second), b => b["title"]!.GetValue<string>() == "Edit term-sco");
        Assert.Equal("kb edit term-sco", again["data"]!["question"]!.GetValue<string>());
        var fresh = await CardReplyAsync(Say("kb edit term-sco", user: "mod-2"));
        Assert.Equal(1, Assert.Single(fresh["actions"]!.AsArray())!["data"]!["rev"]!.GetValue<int>());
        Assert.Contains("first moderator", Inputs(fresh).Single(i => i["id"]!.GetValue<string>() == "text")["value"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredMarkdown_IsEscapedInModerationAndAnswerCards()
    {
        const string Asked = "Which *pact* came out of the [Russian city](https://example.com) meeting?";
        var done = await CardReplyAsync(SubmitAdd("mod", Asked, "The _SCO_ states signed it at the 2009 summit in Yekaterinburg.", Quote));
        var id = AddedId().Match(Texts(done)).Groups[1].Value;
        Assert.NotEmpty(id);

        var shown = string.Join("\n", CardText.Markdown(await CardReplyAsync(Say("kb show " + id, user: "ana"))));
        var answer = await CardReplyAsync(Say(Asked, user: "ana"));
        var answerMarkdown = string.Join("\n", CardText.Markdown(answer));

        Assert.Contains("\\*pact\\*", shown, StringComparison.Ordinal);
        Assert.Contains("\\[Russian city\\]\\(https://example.com\\)", shown, StringComparison.Ordinal);
        Assert.Contains("\\_SCO\\_", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(" *pact*", shown, StringComparison.Ordinal);
        Assert.Contains("\\[Russian city\\]\\(https://example.com\\)", answerMarkdown, StringComparison.Ordinal);
        Assert.Contains("The \\_SCO\\_ states", answerMarkdown, StringComparison.Ordinal);
        Assert.Contains("The _SCO_ states signed it", Texts(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ByModerator_IsYamlInAMonospaceTextRun()
    {
        await CardReplyAsync(SubmitAdd("mod", Question, "The SCO states signed their information-security agreement at the 2009 summit in Yekaterinburg.", Quote));

        var card = await CardReplyAsync(Say("kb export", user: "mod"));

        var run = Descendants(card).Single(n => n["type"]?.GetValue<string>() == "TextRun");
        Assert.Equal("Monospace", run["fontType"]!.GetValue<string>());
        Assert.Contains(Quote, run["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Misses_OfferCreateAnEntryAsAFormFilledWithTheQuestion()
    {
        await CardReplyAsync(Say(Question, user: "ana"));
        var misses = await CardReplyAsync(Say("kb misses", user: "mod"));
        var create = Assert.Single(Buttons(misses), b => b["data"]!["action"]?.GetValue<string>() == "form");

        var form = await CardReplyAsync(Press(create["data"]!.AsObject(), "mod"));

        var title = Inputs(form).Single(i => i["id"]!.GetValue<string>() == "title");
        Assert.Equal(Question, title["value"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal("add-question", Assert.Single(form["actions"]!.AsArray())!["data"]!["action"]!.GetValue<string>());
    }

    /// <summary>Posts the activity, waits until it is handled, and returns the one card the bot replied with.</summary>
    private async Task<JsonObject> CardReplyAsync(JsonObject activity)
    {
        var before = _host.Connector.Calls.Count;
        var response = await _host.PostAsync(activity, token: null);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await _host.Queue.WhenIdle();
        var calls = _host.Connector.Calls.Skip(before).Where(c => c.Type == "message").ToList();
        Assert.True(calls.Count == 1, "Expected one reply; the log says:\n" + string.Join("\n", _host.Logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(e => e.Message + " " + e.Exception)));
        return calls[0].Card!;
    }

    private JsonObject Say(string text, string user, string tenant = "tenant-1") =>
        As(_host.Message(text), user, tenant);

    private JsonObject Press(JsonObject data, string user) =>
        As(_host.Message(string.Empty, value: data.DeepClone()), user, "tenant-1");

    private JsonObject SubmitAdd(string user, string title, string text, string quote) => Press(new JsonObject
    {
        ["cybercode"] = "kb",
        ["action"] = "add-question",
        ["title"] = title,
        ["text"] = text,
        ["quote"] = quote,
        ["phrasings"] = string.Empty,
        ["force"] = "false",
    }, user);

    /// <summary>What Teams sends for a form: the submit's data with every input's value (changed ones as given).</summary>
    private JsonObject SubmitForm(JsonObject form, string user, params (string Id, string Value)[] changes)
    {
        var data = Assert.Single(form["actions"]!.AsArray())!["data"]!.AsObject().DeepClone().AsObject();
        foreach (var input in Inputs(form))
        {
            var id = input["id"]!.GetValue<string>();
            data[id] = changes.FirstOrDefault(c => c.Id == id).Value ?? input["value"]?.GetValue<string>() ?? string.Empty;
        }

        return Press(data, user);
    }

    private static JsonObject As(JsonObject activity, string user, string tenant)
    {
        activity["from"] = new JsonObject { ["id"] = "29:" + user, ["name"] = user, ["aadObjectId"] = "aad-" + user };
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        return activity;
    }

    private static List<JsonObject> Inputs(JsonObject card) =>
        [.. Descendants(card).Where(n => n["type"]?.GetValue<string>() is { } t && t.StartsWith("Input.", StringComparison.Ordinal))];

    private static List<JsonObject> Buttons(JsonObject card) =>
        [.. Descendants(card).Where(n => n["type"]?.GetValue<string>() == "Action.Submit")];

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, value) in o)
                {
                    foreach (var d in Descendants(value))
                    {
                        yield return d;
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    foreach (var d in Descendants(item))
                    {
                        yield return d;
                    }
                }

                break;
        }
    }

    private static string Texts(JsonNode card) => string.Join("\n", CardText.All(card));

    // As shown: "Added ID (revision 1)" (the card sends it escaped, "Added ID \(revision 1\)").
    [GeneratedRegex(@"Added (\S+) \(revision")]
    private static partial Regex AddedId();
}
