using System.Globalization;
using System.Text.Json.Nodes;
using CyberCode.Core.Quizzes;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Cards;

namespace CyberCode.Teams.Quizzes;

/// <summary>
/// Quizzes as Adaptive Cards (1.5): the question with one <c>Action.Submit</c> per choice, the
/// same card after the reveal (it replaces the question in place, without buttons), and the
/// scoreboard, leaderboard and personal stats as tables. Each has Core's plain text as fallback.
/// </summary>
internal static class QuizCards
{
    /// <summary>Teams cuts long button titles on one line; the full choice is in the card's body.</summary>
    private const int ButtonTitleLength = 40;

    public static JsonObject Question(QuizQuestionView q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var body = new JsonArray
        {
            AnswerCard.Text(Header(q, string.Create(CultureInfo.InvariantCulture, $"{q.AnswerSeconds} s")), subtle: true, size: "Small"),
            AnswerCard.Text(q.Question, weight: "Bolder", size: "Medium", spacing: "Small"),
        };
        for (var i = 0; i < q.Choices.Count; i++)
        {
            body.Add(AnswerCard.Text(Choice(i + 1, q.Choices[i]), spacing: "Small"));
        }

        body.Add(AnswerCard.Text(q.Target.Mode switch
        {
            // Teams has no message only one person sees in a shared conversation: say whose round it is.
            QuizMode.Practice => $"Practice round for {q.Target.Starter.Name}: only their answer counts.",
            QuizMode.Solo => $"Pick a choice within {q.AnswerSeconds} s.",
            _ => $"Everyone can answer, once, within {q.AnswerSeconds} s. Right is 10 points, plus up to 5 for speed.",
        }, subtle: true, size: "Small", spacing: "Medium"));

        var card = AnswerCard.Card(body, QuizText.Question(q));
        var actions = new JsonArray();
        for (var i = 0; i < q.Choices.Count; i++)
        {
            actions.Add(AnswerCard.SubmitButton(ButtonTitle(i + 1, q.Choices[i]), Data(q.ButtonId(i + 1))));
        }

        card["actions"] = actions;
        return card;
    }

    /// <summary>The question once its time is up: the right choice marked, how many picked each, the explanation, the quotes, who got it. No buttons.</summary>
    public static JsonObject Reveal(QuizRevealView r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var q = r.Question;
        var body = new JsonArray
        {
            AnswerCard.Text(Header(q, "answer"), subtle: true, size: "Small"),
            AnswerCard.Text(q.Question, weight: "Bolder", size: "Medium", spacing: "Small"),
        };
        for (var i = 0; i < q.Choices.Count; i++)
        {
            var right = i + 1 == r.Correct;
            var choice = AnswerCard.Text((right ? "\u2705 " : string.Empty) + Choice(i + 1, q.Choices[i]), weight: right ? "Bolder" : null);
            if (right)
            {
                choice["color"] = "Good";
            }

            var count = i < r.ChoiceCounts.Count ? r.ChoiceCounts[i] : 0;
            body.Add(Columns(
                "Small",
                ("stretch", choice),
                ("auto", AnswerCard.Text(Picks(count), subtle: true, size: "Small"))));
        }

        body.Add(AnswerCard.Text(r.Explanation, spacing: "Medium"));
        foreach (var c in r.Citations)
        {
            body.Add(AnswerCard.Quote(CardMarkdown.Escape(c.Quote), c.PassageId, CardMarkdown.Escape(c.Section)));
        }

        body.Add(AnswerCard.Text(CardMarkdown.Escape(QuizText.Who(r)), weight: "Bolder", spacing: "Medium"));
        if (r.More)
        {
            body.Add(AnswerCard.Text("The next question follows.", subtle: true, size: "Small", spacing: "Small"));
        }

        return AnswerCard.Card(body, QuizText.Reveal(r));
    }

    public static JsonObject Scoreboard(QuizScoreboardView s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var text = QuizText.Scoreboard(s);
        var body = new JsonArray { AnswerCard.Text(FirstLine(text).TrimEnd(':'), weight: "Bolder", size: "Medium") };
        if (s.Lines.Count == 0)
        {
            body.Add(AnswerCard.Text("No answers."));
        }
        else
        {
            AddTable(body, ["#", "Player", "Points", "Right"], [1, 6, 2, 2], s.Lines.Select(l => new[]
            {
                Number(l.Rank),
                CardMarkdown.Escape(l.Player.Name),
                Number(l.Points),
                string.Create(CultureInfo.InvariantCulture, $"{l.Correct} of {l.Answered}"),
            }));
        }

        if (s.End is not null)
        {
            body.Add(AnswerCard.Text("Type \"leaderboard\" for the totals, or \"quiz start\" for another round.", subtle: true, size: "Small", spacing: "Medium"));
        }

        return AnswerCard.Card(body, text);
    }

    public static JsonObject Leaderboard(IReadOnlyList<QuizStanding> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var body = new JsonArray { AnswerCard.Text("Leaderboard", weight: "Bolder", size: "Medium") };
        AddTable(body, ["#", "Player", "Points", "Quizzes", "Accuracy"], [1, 5, 2, 2, 2], rows.Select((s, i) => new[]
        {
            Number(i + 1),
            CardMarkdown.Escape(s.Player.Name),
            Number(s.Points),
            Number(s.Quizzes),
            Accuracy(s),
        }));
        return AnswerCard.Card(body, QuizText.Leaderboard(rows));
    }

    /// <summary>One person's totals; <paramref name="text"/> is Core's reply, whose lines after the first (missed questions waiting in practice) are kept.</summary>
    public static JsonObject Stats(QuizStanding s, string text)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(text);
        var body = new JsonArray
        {
            AnswerCard.Text($"Quiz totals for {CardMarkdown.Escape(s.Player.Name)}", weight: "Bolder", size: "Medium"),
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(
                    Fact("Points", Number(s.Points)),
                    Fact("Quizzes", Number(s.Quizzes)),
                    Fact("Accuracy", Accuracy(s))),
            },
        };
        var rest = text.ReplaceLineEndings("\n").Split('\n', 2);
        if (rest.Length == 2 && rest[1].Trim().Length > 0)
        {
            body.Add(AnswerCard.Text(rest[1].Trim(), spacing: "Medium"));
        }

        return AnswerCard.Card(body, text);
    }

    /// <summary>The quiz help: its aligned command lines become a fact set.</summary>
    public static JsonObject Help(string text)
    {
        var body = new JsonArray();
        AnswerCard.AddText(body, text, spacing: "Small");
        return AnswerCard.Card(body, text);
    }

    private static JsonObject Data(string buttonId) => new() { ["cybercode"] = SubmitAction.Quiz, ["button"] = buttonId };

    private static string Header(QuizQuestionView q, string last) =>
        string.Create(CultureInfo.InvariantCulture, $"Question {q.Number} of {q.Count}") + (string.IsNullOrEmpty(q.Topic) ? string.Empty : " \u00b7 " + q.Topic) + " \u00b7 " + last;

    private static string Choice(int number, string choice) => string.Create(CultureInfo.InvariantCulture, $"{number}. {choice}");

    private static string ButtonTitle(int number, string choice)
    {
        var title = Choice(number, choice);
        return title.Length <= ButtonTitleLength ? title : title[..(ButtonTitleLength - 1)].TrimEnd() + "\u2026";
    }

    private static string Picks(int count) => count switch
    {
        0 => "no picks",
        1 => "1 pick",
        _ => Number(count) + " picks",
    };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Accuracy(QuizStanding s) => string.Create(CultureInfo.InvariantCulture, $"{s.Accuracy:0%} ({s.Correct}/{s.Answered})");

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0];

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };

    /// <summary>A table as Teams renders it everywhere: a header row and one column set per row, with the same column weights so the columns line up.</summary>
    private static void AddTable(JsonArray body, string[] headers, int[] weights, IEnumerable<string[]> rows)
    {
        body.Add(Row(headers, weights, header: true));
        foreach (var row in rows)
        {
            body.Add(Row(row, weights, header: false));
        }
    }

    private static JsonObject Row(string[] cells, int[] weights, bool header) =>
        Columns(header ? "Medium" : "Small", [.. cells.Select((c, i) => (Number(weights[i]), AnswerCard.Text(c, weight: header ? "Bolder" : null)))]);

    /// <param name="columns">Each column's width ("auto", "stretch", or a relative weight such as "2") and content.</param>
    private static JsonObject Columns(string spacing, params (string Width, JsonObject Item)[] columns) => new()
    {
        ["type"] = "ColumnSet",
        ["spacing"] = spacing,
        ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
        {
            ["type"] = "Column",
            ["width"] = int.TryParse(c.Width, NumberStyles.None, CultureInfo.InvariantCulture, out var weight) ? weight : c.Width,
            ["items"] = new JsonArray(c.Item),
        })]),
    };
}
