using CyberCode.Discord.Rendering;
using CyberCode.Core.Knowledge;

namespace CyberCode.Discord.Interactions;

/// <summary>Where an option's autocomplete choices come from.</summary>
internal enum Suggest
{
    None,
    Terms,
    Passages,
}

/// <summary>A string option of a slash command.</summary>
internal sealed record CommandOption(string Name, string Description, bool Required = true, Suggest Autocomplete = Suggest.None, int MaxLength = 200);

/// <summary>
/// One slash command: what Discord is told (name, description, options) and the text it stands
/// for in the bot's grammar, which Core then parses as if it had been typed.
/// </summary>
internal sealed record SlashCommand(string Name, string Description, IReadOnlyList<CommandOption> Options, Func<IReadOnlyDictionary<string, string>, string> ToText);

/// <summary>
/// Every slash command the bot has, in one place: registration, dispatch and autocomplete all
/// read this list, so adding a command is adding one line here.
/// </summary>
internal static class SlashCommands
{
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
            contexts = new[] { 0, 1 },
            integration_types = new[] { 0 },
            options = c.Options.Select(o => new
            {
                type = 3,
                name = o.Name,
                description = o.Description,
                required = o.Required,
                autocomplete = o.Autocomplete != Suggest.None,
                max_length = o.MaxLength,
            }).ToArray(),
        }).ToArray();
}

/// <summary>Autocomplete choices from the knowledge: terms with their aliases, and passage ids.</summary>
internal sealed class CommandSuggestions(KnowledgeBase knowledge)
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
