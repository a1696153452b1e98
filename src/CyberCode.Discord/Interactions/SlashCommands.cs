using System.Globalization;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Quizzes;
using CyberCode.Discord.Rendering;

namespace CyberCode.Discord.Interactions;

/// <summary>Where an option's autocomplete choices come from.</summary>
internal enum Suggest
{
    None,
    Terms,
    Passages,
    QuizTopics,

    /// <summary>Entry ids (with titles) as the guild sees them: shared entries and its own.</summary>
    Entries,
}

/// <summary>A subcommand that opens a form (a modal) instead of running at once.</summary>
internal enum CommandForm
{
    None,
    AddTerm,
    AddQuestion,
    Edit,

    /// <summary>Not a form: the server's settings, handled by the Discord channel itself.</summary>
    Settings,

    /// <summary>Not a form: an attached YAML file, checked, then applied with a button.</summary>
    Import,
}

/// <summary>Discord's application command option types that the bot uses.</summary>
internal static class OptionType
{
    public const int SubCommand = 1;
    public const int String = 3;
    public const int Integer = 4;
    public const int Boolean = 5;
    public const int Role = 8;
    public const int Attachment = 11;
}

/// <summary>An option of a slash command: a string (the default) or, with <see cref="Integer"/>, a bounded whole number.</summary>
internal sealed record CommandOption(string Name, string Description, bool Required = true, Suggest Autocomplete = Suggest.None, int MaxLength = 200)
{
    public int Type { get; init; } = OptionType.String;

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }

    public static CommandOption Integer(string name, string description, int min, int max) =>
        new(name, description, Required: false) { Type = OptionType.Integer, MinValue = min, MaxValue = max };

    /// <summary>An optional choice of one of the server's roles; its value is the role id.</summary>
    public static CommandOption Role(string name, string description) => new(name, description, Required: false) { Type = OptionType.Role };

    /// <summary>A required file.</summary>
    public static CommandOption File(string name, string description) => new(name, description) { Type = OptionType.Attachment };

    /// <summary>An optional true/false.</summary>
    public static CommandOption Boolean(string name, string description) => new(name, description, Required: false) { Type = OptionType.Boolean };

    /// <summary>What Discord is told about it.</summary>
    public object Registration() => new
    {
        type = Type,
        name = Name,
        description = Description,
        required = Required,
        autocomplete = Autocomplete == Suggest.None ? (bool?)null : true,
        max_length = Type == OptionType.String ? MaxLength : (int?)null,
        min_value = MinValue,
        max_value = MaxValue,
    };
}

/// <summary>
/// One slash command: what Discord is told (name, description, options) and the text it stands
/// for in the bot's grammar, which Core then parses as if it had been typed. A command with
/// <see cref="Subcommands"/> (<c>/quiz start</c>) has no options of its own; each subcommand has its own text.
/// </summary>
internal sealed record SlashCommand(string Name, string Description, IReadOnlyList<CommandOption> Options, Func<IReadOnlyDictionary<string, string>, string> ToText)
{
    public IReadOnlyList<SlashCommand> Subcommands { get; init; } = [];

    /// <summary>
    /// When set, the interaction is answered at once, privately, with this text; the command runs
    /// afterwards with the interaction token in <see cref="Core.Incoming.ReplyTo"/> (so its quiz can
    /// post private follow-ups, which need that first response) and its reply replaces the text.
    /// </summary>
    public string? AcknowledgeFirst { get; init; }

    /// <summary>
    /// With <see cref="AcknowledgeFirst"/>: the acknowledgement is for the channel, not only the
    /// asker, and the reply replaces it in public (a quiz's "started by" line, above its questions).
    /// </summary>
    public bool AcknowledgeInPublic { get; init; }

    /// <summary>Its reply is for the asker alone, so even a deferred "thinking…" is shown to them only.</summary>
    public bool Private { get; init; }

    /// <summary>
    /// Discord's <c>default_member_permissions</c>: who sees the command until a server admin says
    /// otherwise. Only a default, so the engine still checks <see cref="Core.Incoming.IsModerator"/>.
    /// </summary>
    public string? DefaultMemberPermissions { get; init; }

    /// <summary>Set when the subcommand opens a modal form rather than running.</summary>
    public CommandForm Form { get; init; }

    public SlashCommand? Subcommand(string? name) => Subcommands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <summary>
/// Every slash command the bot has, in one place: registration, dispatch and autocomplete all
/// read this list, so adding a command is adding one line here.
/// </summary>
internal static class SlashCommands
{
    private static readonly CommandOption Questions = CommandOption.Integer("questions", $"How many questions ({QuizOptions.MinQuestions}-{QuizOptions.MaxQuestions}).", QuizOptions.MinQuestions, QuizOptions.MaxQuestions);
    private static readonly CommandOption Topic = new("topic", "One topic, or leave empty for all.", Required: false, Autocomplete: Suggest.QuizTopics, MaxLength: 60);

    public static readonly IReadOnlyList<SlashCommand> All =
    [
        new("ask", "Ask a question about the essay in your own words.",
            [new("question", "e.g. why was a binding treaty impossible?", MaxLength: 2000)],
            o => o["question"]),
        new("define", "What a term means in the essay, with the passage that says so.",
            [new("term", "e.g. cyber sovereignty", Autocomplete: Suggest.Terms)],
            o => "define " + o["term"]),
        new("changes", "What changed between the 2011 and 2015 drafts of the Code.", [], _ => "changes"),
        new("timeline", "The dated events in the essay, 2009-2017.", [], _ => "timeline"),
        new("source", "One passage of the essay in full, by id (I.1, II.5, N.3, ...).",
            [new("id", "Passage id, e.g. II.5", Autocomplete: Suggest.Passages, MaxLength: 10)],
            o => "source " + o["id"]),
        new("help", "What the bot can do and how to ask.", [], _ => "help"),
        new("quiz", "Multiple-choice quizzes on the essay, for the whole channel.", [], _ => "quiz help")
        {
            Subcommands =
            [
                new("start", "Start a quiz in this channel; everyone can answer with the buttons.", [Questions, Topic], o => Round("quiz start", o))
                {
                    // Confirmed first, so the "started by" line stands above the first question, not under it.
                    AcknowledgeFirst = "Starting a quiz\u2026",
                    AcknowledgeInPublic = true,
                },
                new("stop", "Stop the quiz here (whoever started it, or a moderator).", [], _ => "quiz stop"),
                new("score", "The scores of the quiz running here.", [], _ => "quiz score"),
                new("stats", "Your own quiz totals on this server (only you see them).", [], _ => "quiz stats") { Private = true },
                new("practice", "A private round only you see, bringing back questions you missed.", [Questions, Topic], o => Round("quiz practice", o))
                {
                    AcknowledgeFirst = "Starting your practice round\u2026",
                },
                new("topics", "The topics a quiz can be on.", [], _ => "quiz topics"),
            ],
        },
        new("leaderboard", "Quiz points, quizzes played and accuracy on this server.", [], _ => "leaderboard"),
        KbSlashCommand.Command,
    ];

    public static SlashCommand? Find(string? name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The body of the bulk-overwrite call. Usable in servers and in DMs with the bot (contexts 0
    /// and 1), installed to servers (integration type 0).
    /// </summary>
    public static IReadOnlyList<object> Registration() =>
        All.Select(c => (object)new
        {
            name = c.Name,
            type = 1,
            description = c.Description,
            contexts = c.DefaultMemberPermissions is null ? new[] { 0, 1 } : new[] { 0 },
            integration_types = new[] { 0 },
            default_member_permissions = c.DefaultMemberPermissions,
            options = c.Subcommands.Count > 0
                ? c.Subcommands.Select(s => (object)new
                {
                    type = OptionType.SubCommand,
                    name = s.Name,
                    description = s.Description,
                    options = s.Options.Select(o => o.Registration()).ToArray(),
                }).ToArray()
                : c.Options.Select(o => o.Registration()).ToArray(),
        }).ToArray();

    /// <summary><c>quiz start 5 sovereignty</c>: the count first, so a topic is never read as one.</summary>
    private static string Round(string verb, IReadOnlyDictionary<string, string> o)
    {
        var text = verb;
        if (o.TryGetValue("questions", out var n) && int.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            text += " " + count.ToString(CultureInfo.InvariantCulture);
        }

        if (o.TryGetValue("topic", out var topic) && !string.IsNullOrWhiteSpace(topic))
        {
            text += " " + topic.Trim();
        }

        return text;
    }
}

/// <summary>Autocomplete choices from the knowledge: terms with their aliases, passage ids and quiz topics.</summary>
internal sealed class CommandSuggestions(KnowledgeBase knowledge, QuizBank? quizzes = null)
{
    /// <summary>Discord shows at most 25 choices and rejects more.</summary>
    public const int MaxChoices = 25;

    private const int MaxChoiceLength = 100;

    public IReadOnlyList<Choice> For(Suggest source, string typed)
    {
        var text = typed.Trim();
        var candidates = source switch
        {
            Suggest.Terms => knowledge.OfKind(EntryKind.Term)
                .SelectMany(e => e.Phrasings.Prepend(e.Title).Select(p => new Choice(p, p))),
            Suggest.Passages => knowledge.Essay.Passages.Select(p => new Choice($"{p.Id} · {p.Section}", p.Id)),
            Suggest.QuizTopics => (quizzes?.Topics ?? []).Select(t => new Choice(string.Create(CultureInfo.InvariantCulture, $"{t} ({quizzes!.ForTopic(t).Count} questions)"), t)),
            _ => [],
        };

        return candidates
            .Where(c => c.Value.Length <= MaxChoiceLength)
            .Select(c => (Choice: c, Rank: Rank(c, text)))
            .Where(x => x.Rank < 3)
            .OrderBy(x => x.Rank)
            .Select(x => x.Choice with { Name = DiscordText.Cut(x.Choice.Name, MaxChoiceLength) })
            .DistinctBy(c => c.Value, StringComparer.OrdinalIgnoreCase)
            .Take(MaxChoices)
            .ToList();
    }

    /// <summary>0: starts with what was typed; 1: a word starts with it; 2: contains it; 3: no match.</summary>
    private static int Rank(Choice choice, string typed)
    {
        if (typed.Length == 0)
        {
            return 0;
        }

        var name = choice.Name;
        if (name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || choice.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var at = name.IndexOf(typed, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? 3 : at > 0 && !char.IsLetterOrDigit(name[at - 1]) ? 1 : 2;
    }
}
