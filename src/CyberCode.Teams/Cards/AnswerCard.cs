using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CyberCode.Core.Answering;

namespace CyberCode.Teams.Cards;

/// <summary>How much of an answer a card shows; less when the whole would pass the message limit.</summary>
internal enum CardDetail
{
    /// <summary>Quotes, and each whole passage behind a "Show passage" toggle.</summary>
    Full,

    /// <summary>Quotes only.</summary>
    QuotesOnly,

    /// <summary>Quotes and texts cut short.</summary>
    Shortened,
}

/// <summary>
/// An answer as an Adaptive Card (1.5, the newest Teams renders): the answer, each quoted passage
/// with its id and section, "did you mean" buttons and helpful / not helpful. Buttons are
/// <c>Action.Submit</c>, whose data comes back as the <c>value</c> of a message activity
/// (<see cref="Activities.SubmitAction"/>).
/// </summary>
internal static partial class AnswerCard
{
    public const string Version = "1.5";
    private const int MaxSuggestions = 5;
    private const int ShortText = 600;

    public static JsonObject Render(Answer answer, string footer, CardDetail detail = CardDetail.Full)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var body = new JsonArray();
        if (answer.Answered && answer.Title is { Length: > 0 } title)
        {
            body.Add(Text(CardMarkdown.Escape(title), weight: "Bolder", size: "Medium"));
        }

        // Entries are people's text (a moderator's, the essay's): shown as written, never as Markdown.
        AddText(body, CardMarkdown.Escape(Cut(answer.Text, detail)));
        AddCitations(body, answer, detail);

        if (answer.Suggestions.Count > 0)
        {
            body.Add(Text(answer.Kind == AnswerKinds.Suggestions ? "Did you mean:" : "Try:", weight: "Bolder", spacing: "Medium"));
            AddSuggestions(body, answer.Suggestions);
        }

        if (answer.Answered && answer.Confidence < 1)
        {
            body.Add(Text(string.Create(CultureInfo.InvariantCulture, $"Confidence {answer.Confidence:0.00}"), subtle: true, size: "Small"));
        }

        body.Add(Text(footer, subtle: true, size: "Small", spacing: "Medium"));

        var card = Card(body, PlainText.Render(answer, footer));
        if (answer.Answered && !string.IsNullOrWhiteSpace(answer.Question))
        {
            card["actions"] = new JsonArray(
                SubmitButton("Helpful", Feedback(answer, helpful: true)),
                SubmitButton("Not helpful", Feedback(answer, helpful: false)));
        }

        return card;
    }

    /// <summary>The shell every CyberCode card shares.</summary>
    public static JsonObject Card(JsonArray body, string fallbackText) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = Version,
        ["fallbackText"] = fallbackText,
        ["msteams"] = new JsonObject { ["width"] = "Full" },
        ["body"] = body,
    };

    public static JsonObject Text(string text, string? weight = null, string? size = null, bool subtle = false, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }

    /// <summary>
    /// The answer's text: runs of indented "command   what it does" lines (the help) become a
    /// fact set, since a text block would collapse their alignment; the rest stays text.
    /// </summary>
    public static void AddText(JsonArray body, string text, string? spacing = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var paragraph = new List<string>();
        JsonArray? facts = null;
        foreach (var line in (text ?? string.Empty).ReplaceLineEndings("\n").Split('\n'))
        {
            var fact = FactLine().Match(line);
            if (fact.Success)
            {
                Flush();
                facts ??= [];
                facts.Add(new JsonObject { ["title"] = fact.Groups[1].Value, ["value"] = fact.Groups[2].Value });
                continue;
            }

            if (facts is not null)
            {
                body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
                facts = null;
            }

            paragraph.Add(line);
        }

        Flush();
        if (facts is not null)
        {
            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        void Flush()
        {
            var joined = string.Join("\n", paragraph).Trim();
            paragraph.Clear();
            if (joined.Length > 0)
            {
                body.Add(Text(joined, spacing: body.Count == 0 ? null : spacing));
            }
        }
    }

    [GeneratedRegex(@"^ {2,}(\S+(?: \S+)*?) {2,}(\S.*)$")]
    private static partial Regex FactLine();

    /// <summary>
    /// Each suggestion as a line that asks it when selected: suggestions are often whole
    /// questions, which a button would cut short, and a text block wraps.
    /// </summary>
    public static void AddSuggestions(JsonArray body, IEnumerable<string> suggestions)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var suggestion in suggestions.Take(MaxSuggestions))
        {
            var line = Text("\u203A " + CardMarkdown.Escape(suggestion), spacing: "Small");
            line["color"] = "Accent";
            body.Add(new JsonObject
            {
                ["type"] = "Container",
                ["spacing"] = "Small",
                ["selectAction"] = SubmitButton(suggestion, new JsonObject { ["cybercode"] = "ask", ["question"] = suggestion }),
                ["items"] = new JsonArray(line),
            });
        }
    }

    public static JsonObject SubmitButton(string title, JsonObject data) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = data,
    };

    private static void AddCitations(JsonArray body, Answer answer, CardDetail detail)
    {
        if (answer.Citations.Count == 0)
        {
            return;
        }

        if (answer.Kind == AnswerKinds.Source && answer.Citations.Count == 1)
        {
            // The text is the passage itself; say where it stands.
            var c = answer.Citations[0];
            body.Add(Text($"\u2014 {c.PassageId}, {CardMarkdown.Escape(c.Section)}", subtle: true, size: "Small"));
            return;
        }

        if (answer.Kind is AnswerKinds.Timeline or AnswerKinds.Changes or AnswerKinds.Notes or AnswerKinds.Section)
        {
            // Lists name their passage on every line; the quotes would repeat them.
            body.Add(Text("Sources: " + string.Join(", ", answer.Citations.Select(c => c.PassageId).Distinct()) + " (type \"source ID\" to read one)", subtle: true, size: "Small", spacing: "Medium"));
            return;
        }

        for (var i = 0; i < answer.Citations.Count; i++)
        {
            var c = answer.Citations[i];
            var quote = Quote(CardMarkdown.Escape(Cut(c.Quote, detail)), c.PassageId, CardMarkdown.Escape(c.Section));
            var items = quote["items"]!.AsArray();
            if (detail == CardDetail.Full && c.PassageText.Length > c.Quote.Length)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"passage-{i + 1}");
                var passage = Text(CardMarkdown.Escape(c.PassageText), size: "Small");
                passage["id"] = id;
                passage["isVisible"] = false;
                items.Add(passage);
                quote["selectAction"] = new JsonObject
                {
                    ["type"] = "Action.ToggleVisibility",
                    ["title"] = "Show the whole passage",
                    ["targetElements"] = new JsonArray(id),
                };
                items.Add(Text($"Select to show or hide the whole passage {c.PassageId}.", subtle: true, size: "Small", spacing: "None"));
            }

            body.Add(quote);
        }
    }

    /// <summary>A quote as every CyberCode card shows it: in an emphasis box, with "id · section" under it.</summary>
    public static JsonObject Quote(string quote, string passageId, string section) => new()
    {
        ["type"] = "Container",
        ["style"] = "emphasis",
        ["spacing"] = "Medium",
        ["items"] = new JsonArray
        {
            Text($"\u201C{quote}\u201D"),
            Text($"{passageId} \u00B7 {section}", subtle: true, size: "Small", spacing: "Small"),
        },
    };

    private static JsonObject Feedback(Answer answer, bool helpful)
    {
        var data = new JsonObject
        {
            ["cybercode"] = "feedback",
            ["helpful"] = helpful,
            ["question"] = answer.Question.Length > 500 ? answer.Question[..500] : answer.Question,
            ["kind"] = answer.Kind,
        };
        if (answer.EntryId is { Length: > 0 } entry)
        {
            data["entryId"] = entry;
        }

        return data;
    }

    private static string Cut(string text, CardDetail detail) =>
        detail == CardDetail.Shortened && text.Length > ShortText ? text[..ShortText].TrimEnd() + "\u2026" : text;
}
