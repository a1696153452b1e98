using System.Globalization;
using System.Text;
using CyberCode.Core.Knowledge;
using YamlDotNet.Serialization;

namespace CyberCode.Core.Moderation;

public sealed partial class ModerationService
{
    /// <summary>The name imported YAML is checked under (the loader names problems by file).</summary>
    private const string ImportName = "import.yaml";

    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithIndentedSequences()
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    /// <summary>
    /// <c>kb export</c>: the scope's own entries and overrides as YAML in the <c>knowledge/</c>
    /// format (so a good entry can be proposed for everyone), hides listed in a comment.
    /// </summary>
    public async Task<ModerationReply> ExportAsync(string scope, CancellationToken cancellationToken)
    {
        var states = await store.GetScopedAsync(scope, cancellationToken);
        var entries = states.Where(s => !s.Removed && s.Entry is not null).Select(s => s.Entry!).ToList();
        var hidden = states.Where(s => s.Removed && s.Shared).Select(s => s.EntryId).ToList();
        var yaml = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"# Knowledge entries of scope {scope}, exported {time.GetUtcNow():yyyy-MM-dd}. Format: knowledge/SCHEMA.md.\n"));
        if (hidden.Count > 0)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"# Shared entries hidden in this scope: {string.Join(", ", hidden)}\n");
        }

        yaml.Append(ToYaml(entries));
        var text = entries.Count == 0
            ? "Nothing was added or changed here yet, so the export is empty."
            : $"Exported {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} as YAML in the knowledge/ format.";
        return new ModerationReply(ModerationOutcome.Shown, text)
        {
            File = new ModerationFile($"knowledge-{FileSafe(scope)}.yaml", "application/yaml", yaml.ToString()),
        };
    }

    /// <summary>
    /// <c>kb import</c>: checks YAML in the <c>knowledge/</c> format by the loader's own rules and
    /// shows what would change; with <paramref name="apply"/>, stores it all in one transaction.
    /// Entries not in the YAML are left as they are.
    /// </summary>
    public async Task<ModerationReply> ImportAsync(Moderator who, string yaml, bool apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var (knowledge, problems) = KnowledgeLoader.FromYaml(Shared.Essay, [(ImportName, yaml ?? string.Empty)]);
        if (knowledge is null)
        {
            return new ModerationReply(ModerationOutcome.Invalid,
                $"Nothing imported: {problems.Count} problem(s):\n" + string.Join('\n', problems.Take(20).Select(p => "  - " + p)));
        }

        var states = await StatesAsync(who.Scope, cancellationToken);
        var changes = new List<EntryChange>();
        var lines = new List<string>();
        var unchanged = 0;
        foreach (var imported in knowledge.Entries)
        {
            var entry = imported with { Source = EntryRules.Source };
            var state = states.GetValueOrDefault(entry.Id);
            var shared = Shared.Find(entry.Id);
            var current = state is { Removed: true } ? null : state?.Entry ?? shared;
            if (current is not null && EntryRules.Same(current with { Source = EntryRules.Source }, entry))
            {
                unchanged++;
                continue;
            }

            var what = current is null ? (state is null && shared is null ? "add" : "restore and update") : shared is not null && state?.Entry is null ? "override shared" : "update";
            lines.Add($"  {what} {entry.Id}: {Short(entry.Title, 70)}");
            if (current is not null && current.Text != entry.Text)
            {
                lines.Add($"      was: {Short(current.Text, 100)}");
                lines.Add($"      now: {Short(entry.Text, 100)}");
            }

            changes.Add(new EntryChange(who.Scope, entry.Id, EntryActions.Imported, entry, false, shared is not null, state?.Revision ?? 0, who.By));
        }

        var summary = $"{changes.Count} change(s), {unchanged} unchanged";
        if (changes.Count == 0)
        {
            return new ModerationReply(ModerationOutcome.Shown, $"The YAML is valid and matches what this server has: nothing to import ({unchanged} unchanged).");
        }

        if (!apply)
        {
            return new ModerationReply(ModerationOutcome.Shown,
                $"Dry run, nothing stored. The YAML is valid; importing it would make {summary}:\n{string.Join('\n', lines)}\n" +
                "To apply, send the same YAML with \"kb import apply\".");
        }

        var outcome = await ApplyAsync(changes, cancellationToken);
        if (outcome.Conflict is { } conflict)
        {
            return new ModerationReply(ModerationOutcome.Conflict,
                $"Nothing imported: {conflict.EntryId} changed while importing (now revision {conflict.Revision}). Run the import again to see the new difference.");
        }

        return new ModerationReply(ModerationOutcome.Done, $"Imported {summary}:\n{string.Join('\n', lines)}\nThey apply from the next question here.");
    }

    /// <summary>Entries as <c>knowledge/*.yaml</c> writes them: terms and questions (and the other kinds, for overrides).</summary>
    internal static string ToYaml(IEnumerable<Entry> entries)
    {
        var byKind = entries.OrderBy(e => e.Id, StringComparer.Ordinal).GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.ToList());
        var document = new Dictionary<string, object>();
        Add("terms", EntryKind.Term, e => new Dictionary<string, object?>
        {
            ["id"] = e.Id, ["term"] = e.Title, ["aliases"] = List(e.Phrasings), ["definition"] = e.Text, ["cite"] = Cites(e),
        });
        Add("questions", EntryKind.Question, e => new Dictionary<string, object?>
        {
            ["id"] = e.Id, ["question"] = e.Title, ["phrasings"] = List(e.Phrasings), ["answer"] = e.Text, ["cite"] = Cites(e),
        });
        Add("events", EntryKind.Event, e => new Dictionary<string, object?>
        {
            ["id"] = e.Id, ["date"] = DateText(e.Date), ["title"] = e.Title, ["summary"] = e.Text, ["phrasings"] = List(e.Phrasings), ["cite"] = Cites(e),
        });
        Add("changes", EntryKind.Change, e => new Dictionary<string, object?>
        {
            ["id"] = e.Id, ["topic"] = e.Title, ["v2011"] = e.Change?.Version2011, ["v2015"] = e.Change?.Version2015, ["summary"] = e.Text, ["phrasings"] = List(e.Phrasings), ["cite"] = Cites(e),
        });
        Add("notes", EntryKind.Note, e => new Dictionary<string, object?>
        {
            ["id"] = e.Id, ["number"] = e.Note?.Number, ["author"] = e.Note?.Author, ["year"] = e.Note?.Year, ["title"] = e.Title,
            ["url"] = e.Note?.Url, ["citedFor"] = e.Text, ["phrasings"] = List(e.Phrasings.Where(p => p != e.Note?.Author)), ["cite"] = Cites(e),
        });
        return document.Count == 0 ? string.Empty : Yaml.Serialize(document);

        void Add(string name, EntryKind kind, Func<Entry, Dictionary<string, object?>> shape)
        {
            if (byKind.TryGetValue(kind, out var list))
            {
                document[name] = list.Select(shape).ToList();
            }
        }

        static List<string>? List(IEnumerable<string> items) => items.ToList() is { Count: > 0 } l ? l : null;

        static List<string> Cites(Entry e) => [.. e.Citations.Select(c => c.Quote)];

        static string? DateText(EventDate? d) => d is null ? null
            : d.Day is { } day ? $"{d.Year:D4}-{d.Month:D2}-{day:D2}"
            : d.Month is { } month ? $"{d.Year:D4}-{month:D2}"
            : d.Year.ToString(CultureInfo.InvariantCulture);
    }

    private static string FileSafe(string scope) => new([.. scope.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '-')]);
}
