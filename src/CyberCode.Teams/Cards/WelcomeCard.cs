using System.Text.Json.Nodes;
using CyberCode.Core.Answering;

namespace CyberCode.Teams.Cards;

/// <summary>The card sent once when CyberCode is added to a chat or team: what it does, how to ask, a few starters.</summary>
internal static class WelcomeCard
{
    public static JsonObject Render(Answer help, string essayTitle, bool group, string footer)
    {
        ArgumentNullException.ThrowIfNull(help);
        var body = new JsonArray
        {
            AnswerCard.Text("Hello, I'm CyberCode", weight: "Bolder", size: "Medium"),
            AnswerCard.Text($"I answer questions about \u201C{essayTitle}\u201D and quote the passage every answer rests on."),
            AnswerCard.Text(group
                ? "In this chat or channel, @mention me with your question, e.g. \"@CyberCode define cyber sovereignty\"."
                : "Type your question, e.g. \"define cyber sovereignty\"."),
        };
        AnswerCard.AddText(body, help.Text, spacing: "Medium");
        if (help.Suggestions.Count > 0)
        {
            body.Add(AnswerCard.Text("Try:", weight: "Bolder", spacing: "Medium"));
            AnswerCard.AddSuggestions(body, help.Suggestions);
        }

        body.Add(AnswerCard.Text(footer, subtle: true, size: "Small", spacing: "Medium"));
        return AnswerCard.Card(body, "Hello, I'm CyberCode. " + PlainText.Render(help, footer));
    }
}
