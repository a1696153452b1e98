using System.Text.Json;
using CyberCode.Discord.Interactions;
using CyberCode.Discord.Rest;
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
            ["add-term", "add-question", "edit", "remove", "restore", "show", "history", "revert", "list", "misses", "export", "phrase"],
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
        var list = await _host.InteractAsync(Kb("list", permissions));
        var form = await _host.InteractAsync(Kb("add-question", permissions));

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
        var form = await _host.InteractAsync(Kb("add-question", ManageMessages));
        Assert.Equal(9, form.GetProperty("type").GetInt32());
        var modal = form.GetProperty("data");
        Assert.Equal("cc:kb:add:question", modal.GetProperty("custom_id").GetString());
        var inputs = modal.GetProperty("components").EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray()).ToList();
        Assert.InRange(inputs.Count, 1, 5);
        Assert.All(inputs, i => Assert.InRange(i.GetProperty("label").GetString()!.Length, 1, 45));
        Assert.All(inputs, i => Assert.InRange(i.GetProperty("max_length").GetInt32(), 1, 4000));

        var saved = await _host.InteractAsync(Submit("cc:kb:add:question", ManageMessages, Question, "The SCO information-security agreement, signed at Yekaterinburg in 2009.", Quote, "what did the sco sign in 2009"));
        Assert.Equal("Done", Embed(saved).GetProperty("title").GetString());
        var entryId = EntryId(saved);

        var here = await _host.InteractAsync(EndpointHost.Command("ask", ("question", Question)));
        var elsewhere = await _host.InteractAsync(InGuild(EndpointHost.Command("ask", ("question", Question)), "301"));

        Assert.Contains(Buttons(here), id => id.EndsWith(":" + entryId, StringComparison.Ordinal));
        Assert.Contains("Yekaterinburg", Fields(here), StringComparison.Ordinal);
        Assert.DoesNotContain(Buttons(elsewhere), id => id.EndsWith(":" + entryId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EditForm_SubmittedAfterAnotherEdit_IsRefusedAsConflict()
    {
        var saved = await _host.InteractAsync(Submit("cc:kb:add:question", ManageMessages, Question, "First answer.", Quote, null));
        var entryId = EntryId(saved);

        var form = await _host.InteractAsync(Kb("edit", ManageMessages, ("id", entryId)));
        Assert.Equal(9, form.GetProperty("type").GetInt32());
        var modal = form.GetProperty("data");
        var customId = modal.GetProperty("custom_id").GetString()!;
        Assert.Equal("First answer.", modal.GetProperty("components")[1].GetProperty("components")[0].GetProperty("value").GetString());

        var first = await _host.InteractAsync(Submit(customId, ManageGuild, Question, "Second answer.", Quote, null));
        var stale = await _host.InteractAsync(Submit(customId, ManageMessages, Question, "Third answer.", Quote, null));

        Assert.Equal("Done", Embed(first).GetProperty("title").GetString());
        Assert.Equal("Changed meanwhile", Embed(stale).GetProperty("title").GetString());
    }

    [Fact]
    public async Task StoredText_WithEveryoneAndMarkdown_NeverPingsAndShowsLiterally()
    {
        var saved = await _host.InteractAsync(Submit("cc:kb:add:question", ManageMessages, Question, "@everyone *really* signed __this__", Quote, null));
        var shown = await _host.InteractAsync(Kb("show", null, ("id", EntryId(saved))));

        var description = Embed(shown).GetProperty("description").GetString()!;
        Assert.Contains("@\u200Beveryone \\*really\\* signed \\_\\_this\\_\\_", description, StringComparison.Ordinal);
        Assert.Equal(0, shown.GetProperty("data").GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task EditIdAutocomplete_OffersThisServersEntriesOnly()
    {
        var saved = await _host.InteractAsync(Submit("cc:kb:add:question", ManageMessages, Question, "The SCO pact.", Quote, null));
        var entryId = EntryId(saved);

        var here = await _host.InteractAsync(EditAutocomplete("300", entryId[..6]));
        var elsewhere = await _host.InteractAsync(EditAutocomplete("301", entryId[..6]));

        Assert.Equal(8, here.GetProperty("type").GetInt32());
        Assert.Contains(here.GetProperty("data").GetProperty("choices").EnumerateArray(), c => c.GetProperty("value").GetString() == entryId);
        Assert.DoesNotContain(elsewhere.GetProperty("data").GetProperty("choices").EnumerateArray(), c => c.GetProperty("value").GetString() == entryId);
    }

    [Fact]
    public async Task Export_ShowsTheYamlInACodeBlock()
    {
        await _host.InteractAsync(Submit("cc:kb:add:question", ManageMessages, Question, "The SCO pact.", Quote, null));

        var export = await _host.InteractAsync(Kb("export", ManageGuild));

        var description = Embed(export).GetProperty("description").GetString()!;
        Assert.Contains("```\n", description, StringComparison.Ordinal);
        Assert.Contains("Yekaterinburg", description, StringComparison.Ordinal);
        Assert.InRange(description.Length, 1, 4096);
    }

    private static object EditAutocomplete(string guild, string typed) => new
    {
        id = EndpointHost.NextId(),
        application_id = Harness.ApplicationId,
        type = 4,
        token = "token-" + EndpointHost.NextId(),
        guild_id = guild,
        member = new { user = new { id = "500" }, permissions = ManageMessages },
        data = new { id = "600", name = "kb", type = 1, options = new[] { new { name = "edit", type = 1, options = new[] { new { name = "id", type = 3, value = typed, focused = true } } } } },
    };

    private static object Kb(string subcommand, string? permissions, params (string Name, object Value)[] options) => new
    {
        id = EndpointHost.NextId(),
        application_id = Harness.ApplicationId,
        type = 2,
        token = "token-" + EndpointHost.NextId(),
        guild_id = "300",
        channel_id = "400",
        member = new { user = new { id = "500", username = "mod" }, permissions },
        data = new
        {
            id = "600",
            name = "kb",
            type = 1,
            options = new[]
            {
                new { name = subcommand, type = 1, options = options.Select(o => new { name = o.Name, type = o.Value is int ? 4 : 3, value = o.Value }).ToArray() },
            },
        },
    };

    private static object Submit(string customId, string permissions, string title, string text, string quotes, string? phrasings) => new
    {
        id = EndpointHost.NextId(),
        application_id = Harness.ApplicationId,
        type = 5,
        token = "token-" + EndpointHost.NextId(),
        guild_id = "300",
        channel_id = "400",
        member = new { user = new { id = "500", username = "mod" }, permissions },
        data = new
        {
            custom_id = customId,
            components = new[] { ("title", title), ("text", text), ("quotes", quotes), ("phrasings", phrasings ?? string.Empty) }
                .Select(f => new { type = 1, components = new[] { new { type = 4, custom_id = f.Item1, value = f.Item2 } } })
                .ToArray(),
        },
    };

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
