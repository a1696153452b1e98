using System.Text.Json.Nodes;
using CyberCode.Core.Answering;
using CyberCode.Core.Quizzes;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Cards;
using CyberCode.Teams.Package;
using CyberCode.Teams.Quizzes;

namespace CyberCode.Teams.Tests.Quizzes;

/// <summary>Quiz views rendered as Adaptive Cards, and the pieces that carry a quiz across requests.</summary>
public sealed class QuizCardTests
{
    private static readonly QuizPlayer Ana = new("aad-ana", "Ana");

    private static readonly QuizTarget Target = new("k3x9m2pa", new QuizPlace("teams", "tenant-1", "19:g@thread.v2"), null, QuizMode.Group, Ana);

    private static readonly QuizQuestionView Question = new(
        Target, 2, 5, "quiz-x", "sco", "Which four SCO members had ratified the 2009 agreement?",
        ["China, Russia, Kazakhstan and Kyrgyzstan", "China, Russia, Tajikistan and Uzbekistan", "China, Russia, India and Pakistan"],
        DateTimeOffset.UnixEpoch, 30);

    private static readonly Activity To = new()
    {
        Type = "message",
        Id = "a1",
        ServiceUrl = "http://127.0.0.1:1/",
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:ana", Name = "Ana" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "CyberCode" },
        Conversation = new ConversationAccount { Id = "19:g@thread.v2;messageid=42", ConversationType = "channel", TenantId = "tenant-1", IsGroup = true },
    };

    [Fact]
    public void QuestionCard_HasOneSubmitPerChoice_CarryingTheButtonId_AndTheWholeChoiceInItsBody()
    {
        var card = QuizCards.Question(Question);

        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        var actions = card["actions"]!.AsArray();
        Assert.Equal(3, actions.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("Action.Submit", actions[i]!["type"]!.GetValue<string>());
            Assert.Equal(QuizButton.Encode("k3x9m2pa", 2, i + 1), actions[i]!["data"]!["button"]!.GetValue<string>());
            Assert.True(actions[i]!["title"]!.GetValue<string>().Length <= 40);
        }

        var texts = Texts(card);
        Assert.Contains("Question 2 of 5 \u00b7 sco \u00b7 30 s", texts);
        Assert.Contains("2. China, Russia, Tajikistan and Uzbekistan", texts);
        Assert.Equal(QuizText.Question(Question), card["fallbackText"]!.GetValue<string>());
    }

    [Fact]
    public void RevealCard_MarksTheRightChoice_QuotesThePassage_SaysWhoGotIt_AndHasNoButtons()
    {
        var reveal = new QuizRevealView(
            Target, Question, "reply-7", 2, "The essay names them.",
            [new AnswerCitation("I.4", "The Code's origins", "ratified by four of the SCO members", "…ratified by four of the SCO members…", 0, 10)],
            [new QuizScoreLine(1, Ana, 14, 1, 1)], [new QuizPlayer("aad-ben", "Ben")], [1, 1, 0]) { More = true };

        var card = QuizCards.Reveal(reveal);

        Assert.Null(card["actions"]);
        var texts = Texts(card);
        Assert.Contains("\u2705 2. China, Russia, Tajikistan and Uzbekistan", texts);
        Assert.Contains("1. China, Russia, Kazakhstan and Kyrgyzstan", texts);
        Assert.Contains("no picks", texts);
        Assert.Contains("The essay names them.", texts);
        Assert.Contains("\u201Cratified by four of the SCO members\u201D", texts);
        Assert.Contains("I.4 \u00B7 The Code's origins", texts);
        Assert.Contains("Right: Ana (+14). Wrong: Ben.", texts);
    }

    [Fact]
    public void Scoreboard_IsATableWithAHeaderRow()
    {
        var board = new QuizScoreboardView(Target, [new QuizScoreLine(1, Ana, 27, 2, 3), new QuizScoreLine(2, new QuizPlayer("b", "Ben"), 10, 1, 3)], 3, 3, QuizEnd.Completed);

        var card = QuizCards.Scoreboard(board);

        var rows = card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "ColumnSet").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "Ana", "27", "2 of 3"], Cells(rows[1]));
        Assert.Contains("Final scores (3 questions)", Texts(card));
    }

    [Fact]
    public void RefusalInAChannel_IsOneLineNamingThePerson_InAPersonalChatJustTheLine()
    {
        var refusal = new QuizReply(QuizReplyKind.Refused, "A quiz is already running here.") { Private = true };

        var shared = QuizMessages.Reply(To, refusal);
        var personal = QuizMessages.Reply(To with { Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" } }, refusal);

        Assert.Null(shared.Attachments);
        Assert.Equal("Ana: A quiz is already running here.", shared.Text);
        Assert.Equal("A quiz is already running here.", personal.Text);
    }

    [Fact]
    public void HugeLeaderboard_FallsBackToTextUnderTheMessageLimit()
    {
        var rows = Enumerable.Range(1, 2000).Select(i => new QuizStanding(new QuizPlayer("p" + i, new string('x', 60)), i, 1, 3, 2)).ToList();

        var message = QuizMessages.Reply(To, new QuizReply(QuizReplyKind.Leaderboard, QuizText.Leaderboard(rows)) { Standings = rows });

        Assert.True(AnswerMessage.Fits(message));
        Assert.Null(message.Attachments);
        Assert.StartsWith("Leaderboard:", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ConversationReference_RoundTripsThroughReplyTo_AndJunkIsNone()
    {
        var reference = ConversationReference.From(To);

        var back = ConversationReference.Parse(reference.ToJson());

        Assert.Equal(reference, back);
        Assert.Equal("19:g@thread.v2;messageid=42", back!.ConversationId);
        Assert.Equal("28:bot", back.BotId);
        Assert.Null(ConversationReference.Parse(null));
        Assert.Null(ConversationReference.Parse("{\"serviceUrl\":\"ftp://x/\",\"conversationId\":\"c\"}"));
        Assert.Null(ConversationReference.Parse("not json"));
    }

    [Theory]
    [InlineData("19:general@thread.tacv2;messageid=1481567603816", "19:general@thread.tacv2")]
    [InlineData("19:group@thread.v2", "19:group@thread.v2")]
    [InlineData("a:personal", "a:personal")]
    public void QuizPlace_IsTheChannelNotTheThread(string conversationId, string place) =>
        Assert.Equal(place, ActivityHandler.QuizConversation(conversationId));

    [Fact]
    public void Moderators_AreMatchedByEntraObjectId()
    {
        var options = new TeamsOptions();
        Assert.False(options.IsModerator("aad-ana"));

        options.Moderators.Add(" AAD-Ana ");

        Assert.True(options.IsModerator("aad-ana"));
        Assert.False(options.IsModerator(null));
        Assert.False(options.IsModerator("aad-ben"));
    }

    [Fact]
    public void Manifest_ListsQuizAndLeaderboard_WithinTeamsLimitOfTen()
    {
        var titles = AppPackage.Commands.Select(c => c.Title).ToList();

        Assert.Contains("quiz", titles);
        Assert.Contains("leaderboard", titles);
        Assert.InRange(titles.Count, 1, 10);
        Assert.All(AppPackage.Commands, c => Assert.InRange(c.Description.Length, 1, 128));
    }

    private static List<string> Texts(JsonNode? node) => CardText.All(node);

    private static string[] Cells(JsonObject row) => CardText.Cells(row);
}
