using System.Text.Json.Nodes;
using CyberCode.Core.Moderation;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Cards;
using CyberCode.Teams.Moderation;
using CyberCode.Teams.Tests.Quizzes;

namespace CyberCode.Teams.Tests.Moderation;

public sealed class ModerationCardTests
{
    private static readonly Activity To = new()
    {
        Type = "message",
        Id = "1",
        From = new ChannelAccount { Id = "29:mod", AadObjectId = "aad-mod" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "a:personal", ConversationType = "personal", TenantId = "tenant-1" },
    };

    [Fact]
    public void Export_LargerThanAMessage_IsCutAtALineToFitAndSaysSo()
    {
        var lines = Enumerable.Range(1, 6000).Select(i => $"- id: entry-{i}\n  title: \"Question number {i} about *the* code\"");
        var yaml = string.Join("\n", lines) + "\n";
        var reply = new ModerationReply(ModerationOutcome.Shown, "Exported 6000 entries.") { File = new ModerationFile("knowledge.yaml", "application/yaml", yaml) };

        var message = ModerationCard.Message(To, reply, [], "footer");

        Assert.True(AnswerMessage.Fits(message));
        var card = message.Attachments![0].Content;
        var run = TextRun(card);
        Assert.StartsWith("- id: entry-1\n", run, StringComparison.Ordinal);
        Assert.True(run.Length < yaml.Length);
        Assert.StartsWith(run, yaml, StringComparison.Ordinal);
        Assert.EndsWith("code\"\n", run, StringComparison.Ordinal);
        Assert.True(run.Length > 60_000, "the cut keeps most of what fits");
        Assert.Contains("cut at a line", string.Join("\n", CardText.All(card)), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ThatFits_IsWholeAndNotEscaped()
    {
        const string yaml = "- id: q-one\n  title: \"*the* [code]\"\n";
        var reply = new ModerationReply(ModerationOutcome.Shown, "Exported 1 entry.") { File = new ModerationFile("knowledge.yaml", "application/yaml", yaml) };

        var card = ModerationCard.Message(To, reply, [], "footer").Attachments![0].Content;

        Assert.Equal(yaml, TextRun(card));
    }

    [Fact]
    public void Commands_BecomeButtons_AndALongOneIsTextToCopy()
    {
        var longCommand = "kb list " + new string('x', 400);
        var reply = new ModerationReply(ModerationOutcome.Shown, "Misses.")
        {
            Commands = ["kb add question what is it | ANSWER IN YOUR WORDS | cite: \"QUOTE FROM THE ESSAY\"", "kb phrase term-sco \"what is it\"", longCommand],
        };

        var card = ModerationCard.Render(reply, [], "footer");
        var buttons = card["body"]!.AsArray().Where(b => b?["type"]?.GetValue<string>() == "ActionSet").Select(b => b!["actions"]![0]!).ToList();

        Assert.Equal(2, buttons.Count);
        Assert.Equal("form", buttons[0]["data"]!["action"]!.GetValue<string>());
        Assert.Equal("Add as a phrasing of term-sco", buttons[1]["title"]!.GetValue<string>());
        Assert.Equal("kb phrase term-sco \"what is it\"", buttons[1]["data"]!["question"]!.GetValue<string>());
        Assert.Equal(longCommand, TextRun(card));
    }

    private static string TextRun(JsonObject card) =>
        card["body"]!.AsArray().Single(b => b?["type"]?.GetValue<string>() == "RichTextBlock")!["inlines"]![0]!["text"]!.GetValue<string>();
}
