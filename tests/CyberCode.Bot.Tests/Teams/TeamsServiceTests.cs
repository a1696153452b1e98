using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CyberCode.Bot.Tests.Web;
using CyberCode.Bot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Tests.Teams;

/// <summary>
/// The Teams channel inside the real service (<see cref="WebHost.Build"/>), in local development
/// mode as the Microsoft 365 Agents Playground uses it: the service itself also plays the
/// Connector, on a path of its own loopback address.
/// </summary>
public sealed class TeamsServiceTests
{
    [Fact]
    public async Task Message_ToApiMessages_IsAnsweredWithCitedCardThroughTheConnector()
    {
        var connector = new Recorder();
        await using var host = await ServiceHost.StartAsync(mapExtra: connector.Map);

        var response = await Post(host, Activity(host, "define cyber sovereignty"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = await connector.NextMessageAsync();
        var card = reply["attachments"]![0]!["content"]!.AsObject();
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var quote = card["body"]!.AsArray().OfType<JsonObject>().First(e => e["style"]?.GetValue<string>() == "emphasis");
        Assert.Matches(@"^(I|II|III|N)\.\d+ · .+", quote["items"]![1]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Activity_LargerThanTheApisBodyLimit_IsStillAccepted()
    {
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?> { ["Web:MaxRequestBodyBytes"] = "4096" });
        var activity = Activity(host, "timeline");
        activity["channelData"] = new JsonObject { ["padding"] = new string('x', 20_000) };
        activity["type"] = "messageReaction";

        Assert.Equal(HttpStatusCode.OK, (await Post(host, activity)).StatusCode);
    }

    [Fact]
    public async Task MalformedActivity_Is400NotA500()
    {
        await using var host = await ServiceHost.StartAsync();
        using var content = new StringContent("{\"type\":", Encoding.UTF8, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.PostAsync(new Uri("api/messages", UriKind.Relative), content)).StatusCode);
    }

    [Fact]
    public async Task AppIdWithoutPassword_IsAClearStartupError()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ServiceHost.StartAsync(new Dictionary<string, string?> { ["Teams:MicrosoftAppId"] = Guid.NewGuid().ToString() }));

        var message = StartupProblem.Describe(error);
        Assert.NotNull(message);
        Assert.Contains("Teams:MicrosoftAppPassword", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAppId_RequestsWithoutTokenAre401()
    {
        await using var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["Teams:MicrosoftAppId"] = Guid.NewGuid().ToString(),
            ["Teams:MicrosoftAppPassword"] = "secret",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await Post(host, Activity(host, "timeline"))).StatusCode);
    }

    private static JsonObject Activity(ServiceHost host, string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["serviceUrl"] = new Uri(host.BaseAddress, "fake-connector/").AbsoluteUri,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "Ana" },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "CyberCode" },
        ["conversation"] = new JsonObject { ["id"] = "a:1", ["conversationType"] = "personal" },
        ["text"] = text,
    };

    private static Task<HttpResponseMessage> Post(ServiceHost host, JsonObject activity) =>
        host.Client.PostAsync(new Uri("api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));

    /// <summary>The Connector's reply endpoint, recording what the bot posts to it.</summary>
    private sealed class Recorder
    {
        private readonly BlockingCollection<JsonObject> _messages = [];

        public void Map(WebApplication app) =>
            app.MapPost("/fake-connector/v3/conversations/{conversation}/activities/{id?}", async (HttpContext http) =>
            {
                var activity = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
                if (activity["type"]?.GetValue<string>() == "message")
                {
                    _messages.Add(activity);
                }

                return Results.Json(new { id = "1" });
            });

        public Task<JsonObject> NextMessageAsync() =>
            Task.Run(() => _messages.TryTake(out var m, TimeSpan.FromSeconds(10)) ? m : throw new TimeoutException("No reply reached the Connector."));
    }
}
