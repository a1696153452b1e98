using System.Text.Json;
using CyberCode.Core.Moderation;
using CyberCode.Discord.Gateway;
using CyberCode.Discord.Tests.Fake;
using CyberCode.Discord.Tests.Interactions;

namespace CyberCode.Discord.Tests.Messages;

/// <summary>Mentions, DMs and interactions arriving over the fake Gateway, answered through the fake REST API.</summary>
public sealed class GatewayEventsTests : ReadyGatewayTests
{
    [Fact]
    public async Task Mention_IsAnsweredAsAReplyWithNoMentionsAllowed()
    {
        await MessageAsync("m1", $"<@{BotId}> define cyber sovereignty", guild: "300", mentionsBot: true);

        var reply = await Discord.Fake.NextRequestAsync();

        Assert.Equal(("POST", "/channels/400/messages"), (reply.Method, reply.Path));
        var body = reply.Json;
        Assert.Equal("m1", body.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal("""{"parse":[]}""", body.GetProperty("allowed_mentions").GetRawText());
        var embed = body.GetProperty("embeds")[0];
        Assert.Contains(embed.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString()!.StartsWith("II.5", StringComparison.Ordinal));
        Assert.Equal("Asked: define cyber sovereignty", embed.GetProperty("author").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Mention_WithEveryone_NeverPingsAndDefusesTheText()
    {
        await MessageAsync("m2", $"<@!{BotId}> @everyone what changed in 2015", guild: "300", mentionsBot: true);

        var reply = (await Discord.Fake.NextRequestAsync()).Json;

        Assert.Empty(reply.GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.All(InteractionsEndpointTests.Strings(reply), s => Assert.DoesNotContain("@everyone", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DirectMessage_WithoutMention_IsAnswered()
    {
        await MessageAsync("m3", "what changed in 2015", guild: null, mentionsBot: false);

        var reply = await Discord.Fake.NextRequestAsync();

        Assert.Equal("/channels/400/messages", reply.Path);
        Assert.Equal("m3", reply.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
    }

    [Fact]
    public async Task GuildMessage_NotMentioningTheBot_AndBotsOwnMessages_AreIgnored()
    {
        await MessageAsync("m4", "define cyber sovereignty", guild: "300", mentionsBot: false);
        await MessageAsync("m5", $"<@{BotId}> define cyber sovereignty", guild: "300", mentionsBot: true, author: BotId);
        await MessageAsync("m6", $"<@{BotId}> define cyber sovereignty", guild: "300", mentionsBot: true, author: "999", bot: true);
        await MessageAsync("m7", $"<@{BotId}> timeline", guild: "300", mentionsBot: true);

        var reply = await Discord.Fake.NextRequestAsync();

        Assert.Equal("m7", reply.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        await Task.Delay(100);
        Assert.Null(Discord.Fake.TryNextRequest());
    }

    [Fact]
    public async Task Resume_ReplaysEventsAlreadyHandled_EachIsAnsweredOnce()
    {
        var interaction = EndpointHost.Command("define", ("term", "cyber sovereignty"));
        await MessageAsync("m8", $"<@{BotId}> define cyber sovereignty", guild: "300", mentionsBot: true);
        await Gateway.DispatchAsync("INTERACTION_CREATE", NextSequence(), interaction);
        var first = new[] { await Discord.Fake.NextRequestAsync(), await Discord.Fake.NextRequestAsync() };

        await Gateway.SendAsync(new { op = 7, d = (object?)null });
        var resumed = await Discord.Fake.NextConnectionAsync();
        await resumed.HelloAsync(41_250);
        Assert.Equal(6, (await resumed.ReceiveAsync()).GetProperty("op").GetInt32());
        // The Gateway replays what it thinks was missed, including what was handled, then says RESUMED.
        await resumed.DispatchAsync("MESSAGE_CREATE", 2, Message("m8", $"<@{BotId}> define cyber sovereignty", "300", true, "500", false));
        await resumed.DispatchAsync("INTERACTION_CREATE", 3, interaction);
        await resumed.DispatchAsync("RESUMED", 4, new { });
        await resumed.DispatchAsync("MESSAGE_CREATE", 5, Message("m9", $"<@{BotId}> timeline", "300", true, "500", false));
        var next = await Discord.Fake.NextRequestAsync();

        Assert.Contains(first, r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
        Assert.Contains(first, r => r.Path.EndsWith("/callback", StringComparison.Ordinal));
        Assert.Equal("m9", next.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        await Task.Delay(100);
        Assert.Null(Discord.Fake.TryNextRequest());
    }

    [Fact]
    public async Task Interaction_OverGateway_IsAnsweredThroughTheCallbackEndpoint()
    {
        var interaction = EndpointHost.Command("ask", ("question", "why was a binding treaty impossible?"));
        var id = JsonSerializer.SerializeToElement(interaction).GetProperty("id").GetString();

        await Gateway.DispatchAsync("INTERACTION_CREATE", NextSequence(), interaction);
        var callback = await Discord.Fake.NextRequestAsync();

        Assert.Equal("POST", callback.Method);
        Assert.StartsWith($"/interactions/{id}/token-", callback.Path, StringComparison.Ordinal);
        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.Empty(callback.Json.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").EnumerateArray());
        Assert.Equal(Harness.Token, callback.Headers["Authorization"][4..]);
    }

    [Fact]
    public async Task MalformedDispatch_DoesNotEndTheConnection()
    {
        await Gateway.DispatchAsync("INTERACTION_CREATE", NextSequence(), new { type = 99 });
        await Gateway.DispatchAsync("MESSAGE_CREATE", NextSequence(), new { nonsense = true });
        await MessageAsync("m10", $"<@{BotId}> help", guild: "300", mentionsBot: true);

        var reply = await Discord.Fake.NextRequestAsync();

        Assert.Equal("m10", reply.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal(1, Discord.Fake.ConnectionCount);
    }

    [Fact]
    public async Task Mention_ByHolderOfTheModeratorRole_RunsKbCommands_OthersAreRefused()
    {
        await Discord.Get<IScopeSettingsStore>().SaveAsync("300", new ScopeSettings { ModeratorRoleId = "777" }, CancellationToken.None);

        await Gateway.DispatchAsync("MESSAGE_CREATE", NextSequence(), WithRoles(Message("m20", $"<@{BotId}> kb list", "300", true, "500", false), "777"));
        var holder = (await Discord.Fake.NextRequestAsync()).Json;
        await Gateway.DispatchAsync("MESSAGE_CREATE", NextSequence(), WithRoles(Message("m21", $"<@{BotId}> kb list", "300", true, "501", false), "778"));
        var other = (await Discord.Fake.NextRequestAsync()).Json;

        Assert.Equal("Knowledge base", holder.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal("Moderators only", other.GetProperty("embeds")[0].GetProperty("title").GetString());

        // A reply to a message cannot be private: no ephemeral flag on it.
        Assert.False(holder.TryGetProperty("flags", out _));
    }

    /// <summary>A guild message's <c>member</c>: role ids, no permissions (Discord sends none with messages).</summary>
    private static Dictionary<string, object?> WithRoles(Dictionary<string, object?> message, params string[] roles)
    {
        message["member"] = new { roles, nick = (string?)null };
        return message;
    }

    private Task MessageAsync(string id, string content, string? guild, bool mentionsBot, string author = "500", bool bot = false) =>
        Gateway.DispatchAsync("MESSAGE_CREATE", NextSequence(), Message(id, content, guild, mentionsBot, author, bot));

    private static Dictionary<string, object?> Message(string id, string content, string? guild, bool mentionsBot, string author, bool bot)
    {
        var message = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["channel_id"] = "400",
            ["author"] = new { id = author, username = "student", bot },
            ["content"] = content,
            ["mentions"] = mentionsBot ? new[] { new { id = BotId, username = "CyberCode" } } : [],
            ["type"] = 0,
        };
        if (guild is not null)
        {
            message["guild_id"] = guild;
        }

        return message;
    }
}
