using System.Text.Json;
using static CyberCode.Discord.Tests.Quizzes.QuizHost;

namespace CyberCode.Discord.Tests.Quizzes;

/// <summary><c>/quiz practice</c>: a private round, ephemeral through the interaction's follow-ups.</summary>
public sealed class PracticeTests : IAsyncLifetime
{
    private QuizHost _h = null!;

    public async Task InitializeAsync() => _h = await QuizHost.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Practice_GoesEphemeralThroughTheWebhook_NeverIntoTheChannel()
    {
        var interaction = Quiz("practice", Ana, ("questions", 3));
        var token = JsonSerializer.SerializeToElement(interaction).GetProperty("token").GetString()!;
        var webhook = $"/webhooks/{Harness.ApplicationId}/{token}";

        var response = await _h.InteractAsync(interaction);

        // Answered at once, privately; the round starts once that response exists (follow-ups need it).
        Assert.Equal(4, response.GetProperty("type").GetInt32());
        Assert.True(IsEphemeral(response));
        var question = await _h.NextAsync("POST", webhook);
        Assert.Equal(webhook, question.Path);
        Assert.Equal(64, question.Json.GetProperty("flags").GetInt32());
        Assert.Equal("Practice · Question 1 of 3", question.Json.GetProperty("embeds")[0].GetProperty("title").GetString());
        Assert.Equal("""{"parse":[]}""", question.Json.GetProperty("allowed_mentions").GetRawText());
        var confirmation = await _h.NextAsync("PATCH", webhook + "/messages/@original");
        Assert.StartsWith("Practice round: 3 questions", confirmation.Json.GetProperty("content").GetString(), StringComparison.Ordinal);

        var other = await _h.InteractAsync(Press(ButtonId(question, 1), Ben));
        Assert.True(IsEphemeral(other));
        Assert.Contains("Ana's own round", Content(other), StringComparison.Ordinal);

        // Alone in a round, an answer is revealed at once: the follow-up is edited with the same token.
        var right = _h.ItemOf(question).Correct + 1;
        var answered = await _h.InteractAsync(Press(ButtonId(question, right), Ana));
        Assert.True(IsEphemeral(answered));
        var reveal = await _h.NextAsync("PATCH", webhook + "/messages/");
        Assert.NotEqual(webhook + "/messages/@original", reveal.Path);
        Assert.Equal(3, Buttons(reveal.Json)[right - 1].GetProperty("style").GetInt32());
        var second = await _h.NextAsync("POST", webhook);
        Assert.Equal(64, second.Json.GetProperty("flags").GetInt32());

        Assert.DoesNotContain(_h.Fake.AllRequests, r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Practice_DoesNotBlockAGroupQuizInTheChannel()
    {
        await _h.InteractAsync(Quiz("practice", Ana, ("questions", 3)));
        await _h.NextAsync("POST", "/webhooks/");
        await _h.NextAsync("PATCH", "/webhooks/");

        var (group, _) = await _h.StartQuizAsync(Quiz("start", Ben, ("questions", 3)));

        Assert.False(IsEphemeral(group));
    }
}
