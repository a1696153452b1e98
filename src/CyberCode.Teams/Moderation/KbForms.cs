using System.Globalization;
using System.Text.Json.Nodes;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Cards;

namespace CyberCode.Teams.Moderation;

/// <summary>
/// The moderators' forms: adding a term or a question, and editing an entry. Each is an Adaptive
/// Card whose <c>Action.Submit</c> carries <c>{cybercode: "kb", action, id, rev}</c>; Teams adds
/// the inputs' values (<see cref="Title"/>, <see cref="Body"/>, <see cref="Quote"/>,
/// <see cref="Phrasings"/>, <see cref="Force"/>) to that object, and <see cref="ToCommand"/>
/// turns them back into the <see cref="KbCommand"/> a typed command would have been.
/// </summary>
internal static class KbForms
{
    public const string AddTerm = "add-term";
    public const string AddQuestion = "add-question";
    public const string Edit = "edit";

    /// <summary>Opens a form for a command (a <c>kb add question …</c> line from <c>kb misses</c>).</summary>
    public const string Open = "form";

    public const string Title = "title";
    public const string Body = "text";
    public const string Quote = "quote";
    public const string Phrasings = "phrasings";
    public const string Force = "force";

    /// <summary>A form to add an entry, perhaps started from a command's fields (a miss's question and closest quote).</summary>
    public static JsonObject AddForm(EntryKind kind, string? title = null, string? text = null, IEnumerable<string>? quotes = null, IEnumerable<string>? phrasings = null, string? note = null)
    {
        var term = kind == EntryKind.Term;
        var body = new JsonArray
        {
            AnswerCard.Text(term ? "Add a term" : "Add a question", weight: "Bolder", size: "Medium"),
            AnswerCard.Text("Every entry cites at least one quote found word for word in the essay. It applies to this team's answers from the next question.", subtle: true, size: "Small"),
        };
        if (note is { Length: > 0 })
        {
            body.Add(AnswerCard.Text(CardMarkdown.Escape(note), spacing: "Medium"));
        }

        body.Add(Input(Title, term ? "Term" : "Question", title, multiline: false, required: true, term ? "cyber sovereignty" : "What did the 2015 code add?"));
        body.Add(Input(Body, term ? "Definition" : "Answer", text, multiline: true, required: true, "In your own words"));
        body.Add(Input(Quote, "Quote from the essay (one per paragraph, word for word)", Join(quotes, "\n\n"), multiline: true, required: true, "\u201Cverbatim words of the essay\u201D"));
        body.Add(Input(Phrasings, term ? "Aliases (one per line, optional)" : "Other ways to ask (one per line, optional)", Join(phrasings, "\n"), multiline: true, required: false, null));
        if (!term)
        {
            body.Add(new JsonObject { ["type"] = "Input.Toggle", ["id"] = Force, ["title"] = "Add even if the bot already answers this question", ["value"] = "false", ["valueOn"] = "true", ["valueOff"] = "false" });
        }

        var card = AnswerCard.Card(body, term ? "A form to add a term (moderators)." : "A form to add a question (moderators).");
        card["actions"] = new JsonArray(Submit(term ? "Add term" : "Add question", new JsonObject { ["cybercode"] = SubmitAction.Kb, ["action"] = term ? AddTerm : AddQuestion }));
        return card;
    }

    /// <summary>
    /// A form prefilled with the entry as this team sees it. The revision it shows travels in the
    /// submit data, so an edit made after someone else's is refused as a conflict rather than
    /// silently undoing theirs.
    /// </summary>
    public static JsonObject EditForm(Entry entry, int revision)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var term = entry.Kind == EntryKind.Term;
        var body = new JsonArray
        {
            AnswerCard.Text(CardMarkdown.Escape($"Edit {entry.Id}"), weight: "Bolder", size: "Medium"),
            AnswerCard.Text(string.Create(CultureInfo.InvariantCulture, $"Revision {revision}. Saving makes a new revision; \"kb history {entry.Id}\" lists them."), subtle: true, size: "Small"),
            Input(Title, term ? "Term" : "Question", entry.Title, multiline: false, required: true, null),
            Input(Body, term ? "Definition" : "Answer", entry.Text, multiline: true, required: true, null),
            Input(Quote, "Quotes from the essay (one per paragraph, word for word)", Join(entry.Citations.Select(c => c.Quote), "\n\n"), multiline: true, required: true, null),
            Input(Phrasings, term ? "Aliases (one per line)" : "Other ways to ask (one per line)", Join(entry.Phrasings, "\n"), multiline: true, required: false, null),
        };
        var card = AnswerCard.Card(body, $"A form to edit {entry.Id} (moderators).");
        card["actions"] = new JsonArray(Submit("Save", new JsonObject
        {
            ["cybercode"] = SubmitAction.Kb,
            ["action"] = Edit,
            ["id"] = entry.Id,
            ["rev"] = revision,
        }));
        return card;
    }

    /// <summary>The command a submitted form stands for; null when the data is not one of these forms.</summary>
    public static KbCommand? ToCommand(SubmitAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var title = Field(action.String(Title));
        var text = Field(action.String(Body));
        var quotes = Quotes(action.String(Quote));
        var phrasings = Lines(action.String(Phrasings));
        switch (action.String("action"))
        {
            case AddTerm or AddQuestion:
                return new KbCommand(KbVerb.Add)
                {
                    Kind = action.String("action") == AddTerm ? EntryKind.Term : EntryKind.Question,
                    Title = title,
                    Text = text,
                    Cites = quotes,
                    Phrasings = phrasings,
                    Force = action.String(Force) == "true",
                };
            case Edit when action.String("id") is { Length: > 0 } id:
                // An emptied field keeps the current text (the rules need a title, a text and a
                // quote); emptied phrasings mean none.
                return new KbCommand(KbVerb.Edit)
                {
                    EntryId = id.Trim().ToLowerInvariant(),
                    Revision = action.Int("rev") ?? 0,
                    Title = title,
                    Text = text,
                    Cites = quotes,
                    Phrasings = phrasings ?? [],
                };
            default:
                return null;
        }
    }

    private static JsonObject Input(string id, string label, string? value, bool multiline, bool required, string? placeholder)
    {
        var input = new JsonObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label, ["isMultiline"] = multiline };
        if (value is { Length: > 0 })
        {
            input["value"] = value;
        }

        if (placeholder is not null)
        {
            input["placeholder"] = placeholder;
        }

        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = label + " is needed.";
        }

        return input;
    }

    private static JsonObject Submit(string title, JsonObject data)
    {
        var button = AnswerCard.SubmitButton(title, data);
        button["style"] = "positive";
        return button;
    }

    private static string? Join(IEnumerable<string>? items, string separator) =>
        items is null ? null : string.Join(separator, items);

    private static string? Field(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Quotes are separated by an empty line; a quote may wrap over lines.</summary>
    private static List<string>? Quotes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in value.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                Flush();
            }
            else
            {
                current.Add(line.Trim());
            }
        }

        Flush();
        return paragraphs.Count == 0 ? null : paragraphs;

        void Flush()
        {
            if (current.Count > 0)
            {
                paragraphs.Add(Unquote(string.Join(" ", current)));
                current.Clear();
            }
        }
    }

    /// <summary>One per line, or separated by ";" as in the typed command.</summary>
    private static List<string>? Lines(string? value) =>
        value is null
            ? null
            : [.. value.ReplaceLineEndings("\n").Split('\n', ';').Select(p => Unquote(p.Trim())).Where(p => p.Length > 0)];

    private static string Unquote(string text)
    {
        var t = text.Trim();
        return t.Length >= 2 && t[0] is '"' or '\u201C' && t[^1] is '"' or '\u201D' ? t[1..^1].Trim() : t;
    }
}
