using System.Text.Json;
using CyberCode.Discord.Interactions;
using CyberCode.Discord.Rest;
using CyberCode.Discord.Tests.Fake;
using CyberCode.Discord.Tests.Interactions;

namespace CyberCode.Discord.Tests.Moderation;

/// <summary><c>/kb</c> over the signed interactions endpoint: who may, the forms, and what the bot shows.</summary>
public sealed class KbInteractionTests : IAsyncLifetime
{
    private const string Quote = "they signed the Agreement on Cooperation in Ensuring International Information Security between the Member States of the SCO at the summit in Yekaterinburg in 2009";
    private const string Question = "Which pact came out of the Russian city meeting?";
    private const string ManageMessages = "8192";
    private const string ManageGuild = "32";

    private EndpointHost _host = null!;

    public async Task InitializeAsync() => _host = await EndpointHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Registration_Kb_IsHiddenFromNonModeratorsByDefault()
    {
        var commands = JsonDocument.Parse(DiscordJson.Serialize(SlashCommands.Registration())).RootElement;
        var kb = commands.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "kb");

        Assert.Equal("8224", kb.GetProperty("default_member_permissions").GetString());
        Assert.Equal(
            ["add-term", "add-question", "edit", "remove", "restore", "show", "history", "revert", "list", "misses", "export", "import", "phrase", "settings"],
            kb.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
        Assert.All(commands.EnumerateArray().Where(c => c.GetProperty("name").GetString() != "kb"), c => Assert.False(c.TryGetProperty("default_member_permissions", out _)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("0", false)]
    [InlineData("2048", false)] // SEND_MESSAGES alone
    [InlineData(ManageMessages, true)]
    [InlineData(ManageGuild, true)]
    [InlineData("8", true)] // ADMINISTRATOR
    public async Task Kb_PermissionMatrix_OnlyModeratorsMayChange(string? permissions, bool allowed)
    {
        var list = await _host.AnswerAsync(Kb("list", permissions));
        var form = await _host.AnswerAsync(Kb("add-question", permissions));

        Assert.Equal(allowed ? "Knowledge base" : "Moderators only", Embed(list).GetProperty("title").GetString());
        Assert.Equal(64, list.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(allowed ? 9 : 4, form.GetProperty("type").GetInt32());
        if (!allowed)
        {
            Assert.Contains("Only moderators", Embed(form).GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AddQuestionForm_Submitted_AnswersInThisServerOnly()
    {
        var form = await _host.AnswerAsync(Kb("add-question", ManageMessages));
        Assert.Equal(9, form.GetProperty("type").GetInt32());
        var modal = form.GetProperty("data");
        Assert.Equal("cc:kb:add:question", modal.GetProperty("custom_id").GetString());
        var inputs = modal.GetProperty("components").EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray()).ToList();
        Assert.InRange(inputs.Count, 1, 5);
        Assert.All(inputs, i => Assert.InRange(i.GetProperty("label").GetString()!.Length, 1, 45));
        Assert.All(inputs, i => Assert.InRange(i.GetProperty("max_length").GetInt32(), 1, 4000));

        var saved = await _host.AnswerAsync(Submit("cc:kb:add:question", ManageMessages, Question, "The SCO information-security agreement, signed at Yekaterinburg in 2009.", Quote, "what did the sco sign in 2009"));
        Assert.Equal("Done", Embed(saved).GetProperty("title").GetString());
        var entryId = EntryId(saved);

        var here = await _host.AnswerAsync(EndpointHost.Command("ask", ("question", Question)));
        var elsewhere = await _host.AnswerAsync(InGuild(EndpointHost.Command("ask", ("question", Question)), "301"));

        Assert.Contains(Buttons(here), id => id.EndsWith(":" + entryId, StringComparison.Ordinal));
        Assert.Contains("Yekaterinburg", Fields(here), StringComparison.Ordinal);
        Assert.DoesNotContain(Buttons(elsewhere), id => id.EndsWith(":" + entryId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditForm_SubmittedAfterAnotherEdit_IsRefusedAsConflict()
    {
        var saved = await _host.AnswerAsync(Submit("cc:kb:add:question", ManageMessages, Question, "First answer.", Quote, null));
        var entryId = EntryId(saved);

        var form = await _host.AnswerAsync(Kb("edit", ManageMessages, ("id", entryId)));
        Assert.Equal(9, form.GetProperty("type").GetInt32());
        var modal = form.GetProperty("data");
        var customId = modal.GetProperty("custom_id").GetString()!;
        Assert.Equal("First answer.", modal.GetProperty("components")[1].GetProperty("components")[0].GetProperty("value").GetString());

        var first = await _host.AnswerAsync(Submit(customId, ManageGuild, Question, "Second answer.", Quote, null));
        var stale = await _host.AnswerAsync(Submit(customId, ManageMessages, Question, "Third answer.", Quote, null));

        Assert.Equal("Done", Embed(first).GetProperty("title").GetString());
        Assert.Equal("Changed meanwhile", Embed(stale).GetProperty("title").GetString());
    }

    [Fact]
    public async Task StoredText_WithEveryoneAndMarkdown_NeverPingsAndShowsLiterally()
    {
        var saved = await _host.AnswerAsync(Submit("cc:kb:add:question", ManageMessages, Question, "@everyone *really* signed __this__", Quote, null));
        var shown = await _host.AnswerAsync(Kb("show", null, ("id", EntryId(saved))));

        var description = Embed(shown).GetProperty("description").GetString()!;
        Assert.Contains("@\u200Beveryone \\*really\\* signed \\_\\_this\\_\\_", description, StringComparison.Ordinal);
        Assert.Equal(0, shown.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task EditIdAutocomplete_OffersThisServersEntriesOnly()
    {
        var saved = await _host.AnswerAsync(Submit("cc:kb:add:question", ManageMessages, Question, "The SCO pact.", Quote, null));
        var entryId = EntryId(saved);

        var here = await _host.AnswerAsync(EditAutocomplete("300", entryId[..6]));
        var elsewhere = await _host.AnswerAsync(EditAutocomplete("301", entryId[..6]));

        Assert.Equal(8, here.GetProperty("type").GetInt32());
        Assert.Contains(here.GetProperty("data").GetProperty("choices").EnumerateArray(), c => c.GetProperty("value").GetString() == entryId);
        Assert.DoesNotContain(elsewhere.GetProperty("data").GetProperty("choices").EnumerateArray(), c => c.GetProperty("value").GetString() == entryId);
    }

    [Fact]
    public async Task Export_IsDeferredThenAttachedAsAYamlFile()
    {
        await _host.AnswerAsync(Submit("cc:kb:add:question", ManageMessages, Question, "The SCO pact.", Quote, null));

        // Discord takes no files in the HTTP response: the bot defers, privately, and attaches them to the edit.
        var first = await _host.InteractAsync(Kb("export", ManageGuild));
        Assert.Equal(5, first.GetProperty("type").GetInt32());
        Assert.Equal(64, first.GetProperty("data").GetProperty("flags").GetInt32());
        var edit = await _host.Fake.NextRequestAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("PATCH", edit.Method);
        Assert.EndsWith("/messages/@original", edit.Path, StringComparison.Ordinal);
        Assert.StartsWith("multipart/form-data; boundary=", edit.Headers["Content-Type"], StringComparison.Ordinal);
        var parts = edit.Parts();
        var file = parts["files[0]"];
        Assert.EndsWith(".yaml", file.FileName, StringComparison.Ordinal);
        Assert.Contains("Yekaterinburg", file.Content, StringComparison.Ordinal);
        var payload = edit.Json;
        var attachment = Assert.Single(payload.GetProperty("attachments").EnumerateArray());
        Assert.Equal(0, attachment.GetProperty("id").GetInt32());
        Assert.Equal(file.FileName, attachment.GetProperty("filename").GetString());
        Assert.Contains("Attached: ", payload.GetProperty("embeds")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, payload.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task Import_AttachedFile_IsCheckedThenAppliedByTheButton_InThatServerOnly()
    {
        var saved = await _host.AnswerAsync(Submit("cc:kb:add:question", ManageMessages, Question, "The SCO pact, signed at Yekaterinburg in 2009.", Quote, null));
        var entryId = EntryId(saved);
        var export = await _host.AnswerAsync(Kb("export", ManageGuild));
        var yaml = export.GetProperty("files")[0].GetProperty("Content").GetString()!;

        _host.Fake.Script(new ScriptedResponse("/attachments/", 200, yaml));
        var check = await _host.AnswerAsync(InGuild(Import(ManageMessages, yaml.Length), "301"));

        var text = Embed(check).GetProperty("description").GetString()!.Replace("\\", string.Empty, StringComparison.Ordinal);
        Assert.Contains(entryId, text, StringComparison.Ordinal);
        Assert.Contains("Apply this import", text, StringComparison.Ordinal);
        var apply = Assert.Single(Buttons(check), b => b.StartsWith("cc:kbimport:", StringComparison.Ordinal));
        var before = await _host.AnswerAsync(InGuild(EndpointHost.Command("ask", ("question", Question)), "301"));
        Assert.DoesNotContain(Buttons(before), id => id.EndsWith(":" + entryId, StringComparison.Ordinal));

        var stranger = await _host.AnswerAsync(InGuild(Press(apply, ManageMessages, user: "501"), "301"));
        var applied = await _host.AnswerAsync(InGuild(Press(apply, ManageMessages), "301"));
        var again = await _host.AnswerAsync(InGuild(Press(apply, ManageMessages), "301"));
        var after = await _host.AnswerAsync(InGuild(EndpointHost.Command("ask", ("question", Question)), "301"));

        Assert.Equal("Moderators only", Embed(stranger).GetProperty("title").GetString());
        Assert.Equal("Done", Embed(applied).GetProperty("title").GetString());
        Assert.Equal("Not done", Embed(again).GetProperty("title").GetString());
        Assert.Contains(Buttons(after), id => id.EndsWith(":" + entryId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Misses_CreateAnEntryButton_OpensTheAddFormFilledFromTheMiss_WhichThenAnswers()
    {
        const string Missed = "which pact came out of the russian city meeting";
        var before = await _host.AnswerAsync(EndpointHost.Command("ask", ("question", Missed)));
        Assert.DoesNotContain("Yekaterinburg", Fields(before), StringComparison.Ordinal);

        var misses = await _host.AnswerAsync(Kb("misses", ManageMessages));
        var create = Assert.Single(Buttons(misses), b => b.StartsWith("cc:kbnew:", StringComparison.Ordinal));
        var refused = await _host.AnswerAsync(Press(create, "2048"));
        var form = await _host.AnswerAsync(Press(create, ManageMessages));

        Assert.Equal("Moderators only", Embed(refused).GetProperty("title").GetString());
        Assert.Equal(9, form.GetProperty("type").GetInt32());
        var modal = form.GetProperty("data");
        Assert.Equal("cc:kb:add:question", modal.GetProperty("custom_id").GetString());
        var inputs = modal.GetProperty("components").EnumerateArray().Select(r => r.GetProperty("components")[0]).ToList();
        Assert.Equal(Missed, inputs[0].GetProperty("value").GetString());
        Assert.False(inputs[1].TryGetProperty("value", out _)); // the answer is the moderator's to write

        var saved = await _host.AnswerAsync(Submit("cc:kb:add:question", ManageMessages, Missed, "The SCO information-security agreement, signed at Yekaterinburg in 2009.", Quote, null));
        Assert.Equal("Done", Embed(saved).GetProperty("title").GetString());
        var after = await _host.AnswerAsync(EndpointHost.Command("ask", ("question", Missed)));
        Assert.Contains("Yekaterinburg", Fields(after), StringComparison.Ordinal);
        var stale = await _host.AnswerAsync(Press(create, ManageMessages));
        Assert.Equal("No such entry", Embed(stale).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Import_FromAHostOtherThanDiscord_IsNotRead()
    {
        var check = await _host.AnswerAsync(Import(ManageMessages, 100, url: "https://example.com/kb.yaml"));

        Assert.Equal("Not done", Embed(check).GetProperty("title").GetString());
        Assert.DoesNotContain(_host.Fake.AllRequests, r => r.Path.StartsWith("/attachments/", StringComparison.Ordinal));
    }

    private object Import(string permissions, int size, string? url = null) => Interaction(2, permissions, new
    {
        id = "600",
        name = "kb",
        type = 1,
        options = new[] { new { name = "import", type = 1, options = new[] { new { name = "file", type = 11, value = "900" } } } },
        resolved = new
        {
            attachments = new Dictionary<string, object>
            {
                ["900"] = new { id = "900", filename = "kb.yaml", size, url = url ?? _host.Fake.ApiBaseUrl + "/attachments/1/900/kb.yaml", content_type = "application/x-yaml" },
            },
        },
    });

    private static Dictionary<string, object?> Press(string customId, string permissions, string user = "500")
    {
        var press = Interaction(3, permissions, new { custom_id = customId, component_type = 2 }, user);
        press["message"] = new { id = "990", embeds = Array.Empty<object>() };
        return press;
    }

    [Fact]
    public async Task ModeratorRole_SetByManageServer_LetsItsMembersModerate()
    {
        const string Role = "777";
        var before = await _host.AnswerAsync(WithRoles(Kb("list", "2048"), Role));
        Assert.Equal("Moderators only", Embed(before).GetProperty("title").GetString());

        var set = await _host.AnswerAsync(Settings(ManageGuild, ("moderator-role", Role, 8)));
        Assert.Equal("Done", Embed(set).GetProperty("title").GetString());
        Assert.Contains("\"Study leads\" (777)", Embed(set).GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Integrations", Embed(set).GetProperty("description").GetString(), StringComparison.Ordinal);

        var member = await _host.AnswerAsync(WithRoles(Kb("list", "2048"), Role));
        var form = await _host.AnswerAsync(WithRoles(Kb("add-question", "2048"), Role));
        var otherRole = await _host.AnswerAsync(WithRoles(Kb("list", "2048"), "778"));
        var otherServer = await _host.AnswerAsync(InGuild(WithRoles(Kb("list", "2048"), Role), "301"));
        var shown = await _host.AnswerAsync(WithRoles(Settings("2048"), Role));

        Assert.Equal("Knowledge base", Embed(member).GetProperty("title").GetString());
        Assert.Equal(9, form.GetProperty("type").GetInt32());
        Assert.Equal("Moderators only", Embed(otherRole).GetProperty("title").GetString());
        Assert.Equal("Moderators only", Embed(otherServer).GetProperty("title").GetString());
        Assert.Contains("777", Embed(shown).GetProperty("description").GetString(), StringComparison.Ordinal);

        var cleared = await _host.AnswerAsync(Settings("8", ("clear-moderator-role", true, 5)));
        var after = await _host.AnswerAsync(WithRoles(Kb("list", "2048"), Role));
        Assert.Equal("Done", Embed(cleared).GetProperty("title").GetString());
        Assert.Equal("Moderators only", Embed(after).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(ManageMessages)] // a moderator, but not the server's manager
    [InlineData("2048")]
    public async Task ModeratorRole_OnlyManageServerMayChooseIt(string permissions)
    {
        var refused = await _host.AnswerAsync(Settings(permissions, ("moderator-role", "777", 8)));
        var member = await _host.AnswerAsync(WithRoles(Kb("list", "2048"), "777"));

        Assert.Equal("Moderators only", Embed(refused).GetProperty("title").GetString());
        Assert.Contains("Manage Server", Embed(refused).GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Moderators only", Embed(member).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ModeratorRole_CannotBeEveryone()
    {
        var refused = await _host.AnswerAsync(Settings(ManageGuild, ("moderator-role", "300", 8)));

        Assert.Equal("Not done", Embed(refused).GetProperty("title").GetString());
        Assert.Contains("@everyone", Embed(refused).GetProperty("description").GetString()!.Replace("\u200B", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectMessage_SeesSharedEntriesOnly_AndCannotChangeAnything()
    {
        var saved = await _host.AnswerAsync(Submit("cc:kb:add:question", ManageMessages, Question, "The SCO pact, signed at Yekaterinburg.", Quote, null));
        var entryId = EntryId(saved);

        var dm = await _host.AnswerAsync(InDirectMessage(EndpointHost.Command("ask", ("question", Question))));
        var change = await _host.AnswerAsync(InDirectMessage(Kb("list", null)));

        Assert.DoesNotContain(Buttons(dm), id => id.EndsWith(":" + entryId, StringComparison.Ordinal));
        Assert.Equal("Moderators only", Embed(change).GetProperty("title").GetString());
        Assert.Contains("direct message", Embed(change).GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private static object Settings(string? permissions, params (string Name, object Value, int Type)[] options) => Interaction(2, permissions, new
    {
        id = "600",
        name = "kb",
        type = 1,
        options = new[] { new { name = "settings", type = 1, options = options.Select(o => new { name = o.Name, type = o.Type, value = o.Value }).ToArray() } },
        resolved = new { roles = new Dictionary<string, object> { ["777"] = new { id = "777", name = "Study leads" } } },
    });

    /// <summary>An interaction of <paramref name="type"/> from a member of server 300 in channel 400, as Discord sends it.</summary>
    private static Dictionary<string, object?> Interaction(int type, string? permissions, object data, string user = "500") => new()
    {
        ["id"] = EndpointHost.NextId(),
        ["application_id"] = Harness.ApplicationId,
        ["type"] = type,
        ["token"] = "token-" + EndpointHost.NextId(),
        ["guild_id"] = "300",
        ["channel_id"] = "400",
        ["member"] = new { user = new { id = user, username = "mod" }, permissions },
        ["data"] = data,
    };

    /// <summary>The interaction with its member holding <paramref name="roles"/>, as Discord lists them.</summary>
    private static Dictionary<string, object?> WithRoles(object interaction, params string[] roles)
    {
        var copy = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(interaction))!;
        var member = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(copy["member"]))!;
        member["roles"] = roles;
        copy["member"] = member;
        return copy;
    }

    /// <summary>The interaction as Discord sends it from a DM: <c>user</c> instead of <c>member</c>, no guild.</summary>
    private static Dictionary<string, object?> InDirectMessage(object interaction)
    {
        var copy = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(interaction))!;
        copy.Remove("guild_id");
        copy.Remove("member");
        copy["user"] = new { id = "500", username = "mod" };
        copy["channel_id"] = "401";
        return copy;
    }

    private static object EditAutocomplete(string guild, string typed)
    {
        var autocomplete = Interaction(4, ManageMessages, new { id = "600", name = "kb", type = 1, options = new[] { new { name = "edit", type = 1, options = new[] { new { name = "id", type = 3, value = typed, focused = true } } } } });
        autocomplete["guild_id"] = guild;
        return autocomplete;
    }

    private static object Kb(string subcommand, string? permissions, params (string Name, object Value)[] options) => Interaction(2, permissions, new
    {
        id = "600",
        name = "kb",
        type = 1,
        options = new[]
        {
            new { name = subcommand, type = 1, options = options.Select(o => new { name = o.Name, type = o.Value is int ? 4 : 3, value = o.Value }).ToArray() },
        },
    });

    private static object Submit(string customId, string permissions, string title, string text, string quotes, string? phrasings) => Interaction(5, permissions, new
    {
        custom_id = customId,
        components = new[] { ("title", title), ("text", text), ("quotes", quotes), ("phrasings", phrasings ?? string.Empty) }
            .Select(f => new { type = 1, components = new[] { new { type = 4, custom_id = f.Item1, value = f.Item2 } } })
            .ToArray(),
    });

    private static Dictionary<string, object?> InGuild(object interaction, string guild)
    {
        var copy = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(interaction))!;
        copy["guild_id"] = guild;
        return copy;
    }

    private static JsonElement Embed(JsonElement response) => response.GetProperty("data").GetProperty("embeds")[0];

    private static string Fields(JsonElement response) =>
        Embed(response).TryGetProperty("fields", out var fields) ? string.Join("\n", fields.EnumerateArray().Select(f => f.GetProperty("value").GetString())) : string.Empty;

    private static List<string> Buttons(JsonElement response) =>
        response.GetProperty("data").TryGetProperty("components", out var rows)
            ? [.. rows.EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray()).Select(b => b.GetProperty("custom_id").GetString()!)]
            : [];

    /// <summary>The new entry's id, from the reply's first words ("Added ID").</summary>
    private static string EntryId(JsonElement saved)
    {
        var text = Embed(saved).GetProperty("description").GetString()!.Replace("\\", string.Empty, StringComparison.Ordinal);
        Assert.StartsWith("Added ", text, StringComparison.Ordinal);
        return text["Added ".Length..].Split([' ', '\n', '.', ','], 2)[0];
    }
}
