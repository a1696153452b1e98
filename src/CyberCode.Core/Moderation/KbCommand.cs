using System.Globalization;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Moderation;

/// <summary>What a <c>kb</c> command asks for.</summary>
public enum KbVerb
{
    Help,
    Add,
    Edit,
    Remove,
    Restore,
    Reset,
    Show,
    History,
    Revert,
    List,
    Misses,
    Phrase,
    Export,
    Import,
}

/// <summary>
/// The moderation grammar, parsed once here so every channel shares it (a Discord modal or a
/// Teams card fills the same record). Fields are separated by <c>|</c>; after the first one or
/// two, each is <c>name: value</c>; lists inside a field are separated by <c>;</c>:
/// <code>
/// kb add term cyber sovereignty | what it means | cite: "quote" | aliases: a; b
/// kb add question What did the Yekaterinburg summit produce? | answer | cite: "quote" | phrasings: p1; p2
/// kb edit ID [rev N] | answer: … | cite: … | phrasings: …
/// kb remove|restore|reset|show|history ID, kb revert ID N, kb phrase ID "question",
/// kb list [recent|mine], kb misses, kb export, kb import [apply] (YAML on the next lines)
/// </code>
/// See <see cref="Usage"/> for the text people are shown.
/// </summary>
/// <param name="Error">Set when the command is recognised but malformed: the friendly message to show.</param>
public sealed record KbCommand(KbVerb Verb, string? Error = null)
{
    public const string Usage =
        "Knowledge base commands (moderators; \"kb show ID\" and \"kb help\" are open to all):\n" +
        "  kb add term TERM | DEFINITION | cite: \"verbatim quote\" [| aliases: A; B]\n" +
        "  kb add question QUESTION | ANSWER | cite: \"verbatim quote\" [| phrasings: P1; P2]\n" +
        "  kb edit ID [rev N] | answer: TEXT | question: TEXT | cite: \"quote\" | phrasings: P1; P2\n" +
        "  kb phrase ID \"another way to ask\"    add a phrasing to an entry\n" +
        "  kb remove ID / kb restore ID         remove (hide, for a shared entry) and bring back\n" +
        "  kb reset ID                          drop this server's override of a shared entry\n" +
        "  kb show ID, kb history ID, kb revert ID REVISION\n" +
        "  kb list [recent|mine], kb misses, kb export\n" +
        "  kb import [apply] with YAML in the knowledge/ format on the following lines (without \"apply\": a dry run)\n" +
        "Every entry cites at least one quote found word for word in the essay. Add \"| force\" to add a question the bot already answers.";

    /// <summary>Where <c>kb misses</c>' suggested "kb add question" leaves the answer to the moderator; an entry saying it is refused.</summary>
    public const string AnswerPlaceholder = "ANSWER IN YOUR WORDS";

    public string? EntryId { get; init; }

    /// <summary>For <see cref="KbVerb.Add"/>: a term or a question.</summary>
    public EntryKind? Kind { get; init; }

    /// <summary>The revision an edit was made from (<c>rev N</c>), or the one to revert to.</summary>
    public int? Revision { get; init; }

    public string? Title { get; init; }

    public string? Text { get; init; }

    /// <summary>The quotes given; null when the command did not mention them (an edit keeps the old ones).</summary>
    public IReadOnlyList<string>? Cites { get; init; }

    /// <summary>Aliases or phrasings; null when not given.</summary>
    public IReadOnlyList<string>? Phrasings { get; init; }

    /// <summary>For <see cref="KbVerb.Phrase"/>: the new way of asking.</summary>
    public string? Phrase { get; init; }

    /// <summary>For <see cref="KbVerb.List"/>: <c>recent</c> or <c>mine</c>; null for all.</summary>
    public string? Filter { get; init; }

    /// <summary>Add even though the bot already answers the question.</summary>
    public bool Force { get; init; }

    /// <summary>For <see cref="KbVerb.Import"/>: apply rather than only show the difference.</summary>
    public bool Apply { get; init; }

    /// <summary>For <see cref="KbVerb.Import"/>: the YAML.</summary>
    public string? Yaml { get; init; }

    /// <summary>Whether anyone may run it: reading an entry is what the bot tells anyone anyway.</summary>
    public bool IsOpenToAll => Verb is KbVerb.Help or KbVerb.Show;

    /// <summary>Parses a message; false when it is not a <c>kb</c> command (then it is a question or a quiz command).</summary>
    public static bool TryParse(string? text, out KbCommand command)
    {
        command = new KbCommand(KbVerb.Help);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim().TrimStart('/', '!');
        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = (firstLineEnd < 0 ? trimmed : trimmed[..firstLineEnd]).TrimEnd('\r');
        var (head, rest) = Word(firstLine);
        if (!head.Equals("kb", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var (verb, args) = Word(rest);
        command = verb.ToLowerInvariant() switch
        {
            "" or "help" or "?" => new KbCommand(KbVerb.Help),
            "add" or "new" => Add(args),
            "edit" or "update" => Edit(args),
            "remove" or "delete" or "hide" => WithId(KbVerb.Remove, args),
            "restore" or "undelete" or "unhide" => WithId(KbVerb.Restore, args),
            "reset" => WithId(KbVerb.Reset, args),
            "show" or "view" or "get" => WithId(KbVerb.Show, args),
            "history" or "log" => WithId(KbVerb.History, args),
            "revert" or "rollback" => Revert(args),
            "list" or "ls" => List(args),
            "misses" or "missed" => new KbCommand(KbVerb.Misses),
            "phrase" or "phrasing" or "alias" => Phrasing(args),
            "export" => new KbCommand(KbVerb.Export),
            "import" => Import(args, firstLineEnd < 0 ? string.Empty : trimmed[(firstLineEnd + 1)..]),
            _ => new KbCommand(KbVerb.Help, $"There is no \"kb {verb}\". Type \"kb help\" for the commands."),
        };
        return true;
    }

    private static KbCommand Add(string args)
    {
        var (kindWord, rest) = Word(args);
        EntryKind? kind = kindWord.ToLowerInvariant() switch
        {
            "term" or "glossary" or "definition" => EntryKind.Term,
            "question" or "q" or "faq" => EntryKind.Question,
            _ => null,
        };
        if (kind is null)
        {
            return new KbCommand(KbVerb.Add, "Say what to add: \"kb add term TERM | DEFINITION | cite: \\\"quote\\\"\" or \"kb add question QUESTION | ANSWER | cite: \\\"quote\\\"\".");
        }

        var parts = Split(rest);
        var command = new KbCommand(KbVerb.Add) { Kind = kind };
        var positional = 0;
        foreach (var part in parts)
        {
            if (Field(part) is { } field)
            {
                command = WithField(command, field.Name, field.Value);
                if (command.Error is not null)
                {
                    return command;
                }
            }
            else if (part.Equals("force", StringComparison.OrdinalIgnoreCase))
            {
                command = command with { Force = true };
            }
            else if (positional == 0)
            {
                command = command with { Title = part };
                positional++;
            }
            else if (positional == 1)
            {
                command = command with { Text = part };
                positional++;
            }
            else
            {
                return command with { Error = $"I don't know what \"{Short(part)}\" is for: after the {(kind == EntryKind.Term ? "term and its definition" : "question and its answer")}, write fields as \"cite: …\" or \"{(kind == EntryKind.Term ? "aliases" : "phrasings")}: …\"." };
            }
        }

        return command;
    }

    private static KbCommand Edit(string args)
    {
        var parts = Split(args);
        var head = parts.Count > 0 ? parts[0] : string.Empty;
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new KbCommand(KbVerb.Edit, "Say which entry: \"kb edit ID | answer: new text\" (\"kb show ID\" prints the command to start from).");
        }

        var command = new KbCommand(KbVerb.Edit) { EntryId = words[0].ToLowerInvariant() };
        if (words.Length == 3 && words[1].ToLowerInvariant() is "rev" or "revision" or "r" && Number(words[2]) is { } rev)
        {
            command = command with { Revision = rev };
        }
        else if (words.Length != 1)
        {
            return command with { Error = "Write the edit as \"kb edit ID rev N | answer: new text\"." };
        }

        foreach (var part in parts.Skip(1))
        {
            if (Field(part) is not { } field)
            {
                return command with { Error = $"Write each change as \"name: value\" (answer, question, cite, phrasings), not \"{Short(part)}\"." };
            }

            command = WithField(command, field.Name, field.Value);
            if (command.Error is not null)
            {
                return command;
            }
        }

        return command.Title is null && command.Text is null && command.Cites is null && command.Phrasings is null
            ? command with { Error = $"Nothing to change: add fields, e.g. \"kb edit {command.EntryId} | answer: new text\"." }
            : command;
    }

    private static KbCommand WithField(KbCommand command, string name, string value)
    {
        switch (name)
        {
            case "cite" or "quote" or "cites" or "quotes":
                return command with { Cites = [.. command.Cites ?? [], Unquote(value)] };
            case "aliases" or "alias" or "phrasings" or "phrasing":
                return command with { Phrasings = [.. value.Split(';').Select(p => Unquote(p.Trim())).Where(p => p.Length > 0)] };
            case "title" or "term" or "question":
                return command with { Title = value };
            case "text" or "answer" or "definition":
                return command with { Text = value };
            case "id":
                return command with { EntryId = value.ToLowerInvariant() };
            case "rev" or "revision":
                return Number(value) is { } rev ? command with { Revision = rev } : command with { Error = $"\"rev\" needs a revision number, not \"{Short(value)}\"." };
            default:
                return command with { Error = $"There is no field \"{name}\": use answer, question, cite, phrasings (or term, definition, aliases)." };
        }
    }

    private static KbCommand WithId(KbVerb verb, string args)
    {
        var id = args.Trim();
        return id.Length == 0 || id.Contains(' ', StringComparison.Ordinal)
            ? new KbCommand(verb, $"Say which entry: \"kb {verb.ToString().ToLowerInvariant()} ID\" (\"kb list\" shows the ids).")
            : new KbCommand(verb) { EntryId = id.ToLowerInvariant() };
    }

    private static KbCommand Revert(string args)
    {
        var words = args.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var number = words.Length == 2 ? Number(words[1].TrimStart('r', 'R').TrimStart(':')) : null;
        return number is null
            ? new KbCommand(KbVerb.Revert, "Write \"kb revert ID REVISION\", e.g. \"kb revert my-entry 2\" (\"kb history ID\" lists the revisions).")
            : new KbCommand(KbVerb.Revert) { EntryId = words[0].ToLowerInvariant(), Revision = number };
    }

    private static KbCommand List(string args) => args.Trim().ToLowerInvariant() switch
    {
        "" or "all" => new KbCommand(KbVerb.List),
        "recent" or "mine" => new KbCommand(KbVerb.List) { Filter = args.Trim().ToLowerInvariant() },
        _ => new KbCommand(KbVerb.List, "Write \"kb list\", \"kb list recent\" or \"kb list mine\"."),
    };

    private static KbCommand Phrasing(string args)
    {
        var (id, rest) = Word(args);
        var phrase = Unquote(rest.Trim());
        return id.Length == 0 || phrase.Length == 0
            ? new KbCommand(KbVerb.Phrase, "Write \"kb phrase ID \\\"the question as people ask it\\\"\".")
            : new KbCommand(KbVerb.Phrase) { EntryId = id.ToLowerInvariant(), Phrase = phrase };
    }

    private static KbCommand Import(string args, string yaml)
    {
        var apply = args.Trim().ToLowerInvariant() switch
        {
            "" or "dry-run" or "check" => (bool?)false,
            "apply" or "confirm" => true,
            _ => null,
        };
        if (apply is null)
        {
            return new KbCommand(KbVerb.Import, "Write \"kb import\" (a dry run) or \"kb import apply\", with the YAML on the following lines.");
        }

        return string.IsNullOrWhiteSpace(yaml)
            ? new KbCommand(KbVerb.Import, "Put the YAML (the knowledge/ format, as \"kb export\" writes it) on the lines after \"kb import\".")
            : new KbCommand(KbVerb.Import) { Apply = apply.Value, Yaml = yaml };
    }

    private static List<string> Split(string text) =>
        [.. text.Split('|').Select(p => p.Trim()).Where(p => p.Length > 0)];

    /// <summary>A <c>name: value</c> part whose name is one word of letters.</summary>
    private static (string Name, string Value)? Field(string part)
    {
        var colon = part.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > 12 || !part[..colon].All(char.IsLetter))
        {
            return null;
        }

        return (part[..colon].ToLowerInvariant(), part[(colon + 1)..].Trim());
    }

    private static (string First, string Others) Word(string text)
    {
        var t = text.TrimStart();
        var space = t.IndexOfAny([' ', '\t']);
        return space < 0 ? (t, string.Empty) : (t[..space], t[(space + 1)..].TrimStart());
    }

    /// <summary>Removes one pair of surrounding quotes, straight or curly, as people type a quote.</summary>
    internal static string Unquote(string text)
    {
        var t = text.Trim();
        if (t.Length >= 2 && t[0] is '"' or '“' or '\'' && t[^1] is '"' or '”' or '\'')
        {
            return t[1..^1].Trim();
        }

        return t;
    }

    private static int? Number(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
