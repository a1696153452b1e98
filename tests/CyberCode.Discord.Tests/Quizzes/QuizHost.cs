using System.Text.Json;
using CyberCode.Core.Quizzes;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Tests.Fake;
using CyberCode.Discord.Tests.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CyberCode.Discord.Tests.Quizzes;

/// <summary>
/// The interactions endpoint with a bot token, over a fake Discord, whose whole service (quiz
/// timers included) runs on a <see cref="FakeTimeProvider"/>: time is up when a test says so.
/// </summary>
internal sealed class QuizHost : IAsyncDisposable
{
    public const string Guild = "300";
    public const string Channel = "400";

    private QuizHost(EndpointHost endpoint, FakeTimeProvider time)
    {
        Endpoint = endpoint;
        Time = time;
    }

    public EndpointHost Endpoint { get; }

    public FakeTimeProvider Time { get; }

    public FakeDiscord Fake => Endpoint.Fake;

    public QuizBank Bank => Endpoint.App.Services.GetRequiredService<QuizBank>();

    public static async Task<QuizHost> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var endpoint = await EndpointHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Discord:BotToken"] = Harness.Token,
                ["Discord:Gateway:Enabled"] = "false",
                ["Quiz:AnswerSeconds"] = "30",
            },
            time);
        return new QuizHost(endpoint, time);
    }

    public Task<JsonElement> InteractAsync(object interaction) => Endpoint.InteractAsync(interaction);

    /// <summary>
    /// <c>/quiz start</c> as the channel sees it: a public "Starting a quiz…" answered at once, the
    /// first question posted in the channel, and only then that first response edited into the
    /// "started by" confirmation, so the confirmation stands above the question. Returns the
    /// confirmation (as a type 4 response) and the question's request.
    /// </summary>
    public async Task<(JsonElement Confirmation, RecordedRequest Question)> StartQuizAsync(object interaction)
    {
        var acknowledged = await InteractAsync(interaction);
        Assert.Equal(4, acknowledged.GetProperty("type").GetInt32());
        Assert.False(acknowledged.GetProperty("data").TryGetProperty("flags", out _));
        Assert.Equal("Starting a quiz\u2026", acknowledged.GetProperty("data").GetProperty("content").GetString());
        var question = await NextAsync("POST", "/channels/");
        var confirmation = await NextAsync("PATCH", "/webhooks/");
        Assert.EndsWith("/messages/@original", confirmation.Path, StringComparison.Ordinal);
        return (JsonSerializer.SerializeToElement(new { type = 4, data = confirmation.Json }), question);
    }

    /// <summary>The next REST call to the fake, which must be <paramref name="method"/> on a path starting with <paramref name="path"/>.</summary>
    public async Task<RecordedRequest> NextAsync(string method, string path)
    {
        var request = await Fake.NextRequestAsync();
        Assert.True(request.Method == method && request.Path.StartsWith(path, StringComparison.Ordinal), $"Expected {method} {path}…, got {request.Method} {request.Path}");
        return request;
    }

    /// <summary>Time is up for the open question.</summary>
    public void TimeUp() => Time.Advance(TimeSpan.FromSeconds(30));

    /// <summary>The bank's item a question message shows.</summary>
    public QuizItem ItemOf(RecordedRequest question)
    {
        var description = question.Json.GetProperty("embeds")[0].GetProperty("description").GetString()!;
        return Bank.Items.First(i => description.StartsWith(DiscordText.Escape(i.Question) + "\n", StringComparison.Ordinal));
    }

    /// <summary>A user of the test server; <paramref name="permissions"/> is the member's bit set in the channel.</summary>
    public sealed record User(string Id, string? Name = null, string? Permissions = "0");

    public static readonly User Ana = new("501", "Ana");
    public static readonly User Ben = new("502", "Ben");
    public static readonly User Mod = new("509", "Mo", "8192");

    /// <summary><c>/quiz SUB</c> with integer and string options, as Discord sends it from the test channel.</summary>
    public static object Quiz(string subcommand, User user, params (string Name, object Value)[] options) =>
        Interaction(2, user, new
        {
            id = "600",
            name = "quiz",
            type = 1,
            options = new[]
            {
                new
                {
                    type = 1,
                    name = subcommand,
                    options = options.Select(o => new { name = o.Name, type = o.Value is int ? 4 : 3, value = o.Value }).ToArray(),
                },
            },
        });

    public static object Command(string name, User user) =>
        Interaction(2, user, new { id = "601", name, type = 1, options = Array.Empty<object>() });

    public static object Press(string customId, User user) =>
        Interaction(3, user, new { custom_id = customId, component_type = 2 }, message: new { id = "700", embeds = Array.Empty<object>() });

    public static object Interaction(int type, User user, object data, object? message = null) => new
    {
        id = EndpointHost.NextId(),
        application_id = Harness.ApplicationId,
        type,
        token = "token-" + EndpointHost.NextId(),
        guild_id = Guild,
        channel_id = Channel,
        member = new { user = new { id = user.Id, username = "user" + user.Id, global_name = user.Name }, permissions = user.Permissions },
        message,
        data,
    };

    /// <summary>The buttons of a message body, in order.</summary>
    public static List<JsonElement> Buttons(JsonElement body) =>
        [.. body.GetProperty("components").EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray())];

    public static string ButtonId(RecordedRequest question, int choice) => Buttons(question.Json)[choice - 1].GetProperty("custom_id").GetString()!;

    public static string Content(JsonElement response) => response.GetProperty("data").GetProperty("content").GetString()!;

    public static bool IsEphemeral(JsonElement response) =>
        response.GetProperty("data").TryGetProperty("flags", out var flags) && flags.GetInt32() == 64;

    public ValueTask DisposeAsync() => Endpoint.DisposeAsync();
}
