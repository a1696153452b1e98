using System.Text.Json.Nodes;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Cards;

namespace CyberCode.Teams.Tests;

/// <summary>Answers rendered as Adaptive Cards, from the real engine over the real knowledge.</summary>
public sealed class CardTests
{
    private const string Footer = "Quoting the essay";
    private static readonly Lazy<AnswerEngine> Engine = new(() => AnswerEngine.Create(KnowledgeLoader.Load(RepositoryRoot.KnowledgePath)));

    private static readonly Activity To = new()
    {
        Type = "message",
        Id = "a1",
        ServiceUrl = "http://127.0.0.1:1/",
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:user" },
        Recipient = new ChannelAccount { Id = "28:bot" },
        Conversation = new ConversationAccount { Id = "c1" },
    };

    [Fact]
    public void Answer_ShowsEachQuoteWithIdAndSection_AndTheWholePassageOnDemand()
    {
        var answer = Engine.Value.Ask("why was a binding treaty impossible?");
        Assert.NotEmpty(answer.Citations);

        var card = AnswerCard.Render(answer, Footer);

        var containers = card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["style"]?.GetValue<string>() == "emphasis").ToList();
        Assert.Equal(answer.Citations.Count, containers.Count);
        for (var i = 0; i < containers.Count; i++)
        {
            var c = answer.Citations[i];
            var texts = containers[i]["items"]!.AsArray().Select(t => t!["text"]!.GetValue<string>()).ToList();
            Assert.Contains($"\u201C{CardMarkdown.Escape(c.Quote)}\u201D", texts);
            Assert.Contains($"{c.PassageId} \u00B7 {CardMarkdown.Escape(c.Section)}", texts);
            if (c.PassageText.Length > c.Quote.Length)
            {
                Assert.Contains(CardMarkdown.Escape(c.PassageText), texts);
                Assert.Equal("Action.ToggleVisibility", containers[i]["selectAction"]!["type"]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public void Card_IsVersion15WithPlainTextFallback()
    {
        var answer = Engine.Value.Ask("define cyber sovereignty");
        var card = AnswerCard.Render(answer, Footer);

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var fallback = card["fallbackText"]!.GetValue<string>();
        Assert.Contains(answer.Citations[0].Quote, fallback, StringComparison.Ordinal);
        Assert.Contains(answer.Citations[0].PassageId, fallback, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclearQuestion_OffersDidYouMeanButtons_AndNoFeedback()
    {
        var answer = Engine.Value.Ask("the blorp treaty and norms");
        Assert.Equal(AnswerKinds.Suggestions, answer.Kind);
        Assert.NotEmpty(answer.Suggestions);

        var card = AnswerCard.Render(answer, Footer);

        var asked = card["body"]!.AsArray().OfType<JsonObject>()
            .Select(e => e["selectAction"])
            .Where(a => a?["type"]?.GetValue<string>() == "Action.Submit")
            .Select(a => a!["data"]!["question"]!.GetValue<string>())
            .ToList();
        Assert.Equal(answer.Suggestions.Take(5), asked);
        Assert.Null(card["actions"]);
    }

    [Fact]
    public void HugeAnswer_StaysUnder100KB()
    {
        var passage = new string('p', 30_000);
        var citations = Enumerable.Range(1, 6).Select(i => new AnswerCitation($"I.{i}", "Part I", new string('q', 4000), passage, 0, 10)).ToList();
        var answer = new Answer("q", true, AnswerKinds.Question, new string('t', 20_000), 0.9, citations, []);

        var message = AnswerMessage.Build(To, answer, Footer);

        Assert.True(AnswerMessage.Size(message) <= 100 * 1024, $"{AnswerMessage.Size(message)} bytes");
        Assert.NotNull(message.Attachments);
        var text = System.Text.Json.JsonSerializer.Serialize(message, ActivityJson.Options);
        Assert.Contains("I.6 \u00B7 Part I", text, StringComparison.Ordinal);
    }

    [Fact]
    public void LongText_IsShortenedInTheCard()
    {
        var answer = new Answer("q", true, AnswerKinds.Timeline, new string('t', 500_000), 0.9, [], []);

        var message = AnswerMessage.Build(To, answer, Footer);

        Assert.True(AnswerMessage.Size(message) <= 100 * 1024);
        var body = Assert.Single(message.Attachments!).Content["body"]!.AsArray();
        Assert.Contains(body, b => b!["text"]?.GetValue<string>().EndsWith("t\u2026", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void AnswerTooBigForAnyCard_BecomesPlainTextUnder100KB()
    {
        var citations = Enumerable.Range(1, 400).Select(i => new AnswerCitation($"I.{i}", "Part I", new string('q', 600), new string('p', 2000), 0, 10)).ToList();
        var answer = new Answer("q", true, AnswerKinds.Question, "t", 0.9, citations, []);

        var message = AnswerMessage.Build(To, answer, Footer);

        Assert.True(AnswerMessage.Size(message) <= 100 * 1024);
        Assert.Null(message.Attachments);
        Assert.StartsWith("t\n", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpCommands_BecomeAFactSet()
    {
        var card = AnswerCard.Render(Engine.Value.Ask("help"), Footer);

        var facts = card["body"]!.AsArray().OfType<JsonObject>().Single(e => e["type"]!.GetValue<string>() == "FactSet")["facts"]!.AsArray();
        Assert.Contains(facts, f => f!["title"]!.GetValue<string>() == "define TERM");
        Assert.Contains(facts, f => f!["title"]!.GetValue<string>() == "source ID");
    }
}
