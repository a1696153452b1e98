using System.Text;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Moderation;

/// <summary>
/// The rules a moderator's entry obeys, the same as the loader's for <c>knowledge/</c>: every
/// quote found verbatim in one passage of the essay (a miss names the closest passage), and
/// lengths a chat message can show.
/// </summary>
internal sealed class EntryRules(Essay essay)
{
    public const int MaxTitleLength = 300;
    public const int MinTextLength = 10;

    /// <summary>Where <c>kb misses</c>' suggested command leaves the answer to the moderator.</summary>
    public const string AnswerPlaceholder = KbCommand.AnswerPlaceholder;
    public const int MaxPhrasingLength = 300;
    public const int MaxPhrasings = 40;
    public const int MaxCites = 5;

    /// <summary>Where history and exports say a moderator's entry comes from.</summary>
    public const string Source = "moderator";

    private readonly QuoteResolver _resolver = new(essay);

    /// <summary>
    /// Builds the entry, or says every rule it breaks. <paramref name="basis"/> is the entry an
    /// edit starts from: what the edit does not mention is kept (dates, notes, changes too).
    /// </summary>
    public (Entry? Entry, IReadOnlyList<EntryProblem> Problems) Build(string id, EntryKind kind, string? title, string? text, IReadOnlyList<string>? cites, IReadOnlyList<string>? phrasings, Entry? basis)
    {
        var problems = new List<EntryProblem>();
        var (titleName, textName, phrasingName) = kind == EntryKind.Term ? ("term", "definition", "aliases") : ("question", "answer", "phrasings");
        var cleanTitle = TextNormalizer.Normalize(title ?? basis?.Title ?? string.Empty);
        var cleanText = TextNormalizer.Normalize(text ?? basis?.Text ?? string.Empty);
        if (cleanTitle.Length == 0)
        {
            problems.Add(new EntryProblem(EntryProblem.Title, $"The {titleName} is missing."));
        }
        else if (cleanTitle.Length > MaxTitleLength)
        {
            problems.Add(new EntryProblem(EntryProblem.Title, $"The {titleName} is {cleanTitle.Length} characters; keep it under {MaxTitleLength}."));
        }

        if (cleanText.Length < MinTextLength)
        {
            problems.Add(new EntryProblem(EntryProblem.Text, $"The {textName} is missing or too short: write one to three plain sentences."));
        }
        else if (cleanText.Length > KnowledgeLoader.MaxTextLength)
        {
            problems.Add(new EntryProblem(EntryProblem.Text, $"The {textName} is {cleanText.Length} characters; keep it under {KnowledgeLoader.MaxTextLength}."));
        }
        else if (cleanText.Contains(AnswerPlaceholder, StringComparison.OrdinalIgnoreCase))
        {
            // kb misses suggests the command with this placeholder: sent as it is, it would store the placeholder.
            problems.Add(new EntryProblem(EntryProblem.Text, $"Replace {AnswerPlaceholder} with the {textName} itself, in one to three plain sentences."));
        }

        var cleanPhrasings = (phrasings ?? basis?.Phrasings ?? [])
            .Select(TextNormalizer.Normalize)
            .Where(p => p.Length > 0 && !p.Equals(cleanTitle, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        if (cleanPhrasings.Length > MaxPhrasings)
        {
            problems.Add(new EntryProblem(EntryProblem.Phrasings, $"There are {cleanPhrasings.Length} {phrasingName}; keep at most {MaxPhrasings}."));
        }

        if (cleanPhrasings.FirstOrDefault(p => p.Length > MaxPhrasingLength) is { } longOne)
        {
            problems.Add(new EntryProblem(EntryProblem.Phrasings, $"The {phrasingName} \"{longOne[..40]}…\" is {longOne.Length} characters; keep each under {MaxPhrasingLength}."));
        }

        var citations = ResolveAll(cites, basis, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var entry = basis is null
            ? new Entry(id, kind, cleanTitle, cleanPhrasings, cleanText, citations, Source)
            : basis with { Id = id, Title = cleanTitle, Phrasings = cleanPhrasings, Text = cleanText, Citations = citations, Source = Source };
        return (entry, []);
    }

    private List<Citation> ResolveAll(IReadOnlyList<string>? cites, Entry? basis, List<EntryProblem> problems)
    {
        if (cites is null && basis is not null)
        {
            return [.. basis.Citations];
        }

        var citations = new List<Citation>();
        if (cites is not { Count: > 0 })
        {
            problems.Add(new EntryProblem(EntryProblem.Cites, "Cite at least one quote found word for word in the essay: add \"| cite: \\\"…\\\"\"."));
            return citations;
        }

        if (cites.Count > MaxCites)
        {
            problems.Add(new EntryProblem(EntryProblem.Cites, $"There are {cites.Count} quotes; cite at most {MaxCites}."));
        }

        foreach (var quote in cites)
        {
            if (quote.Length > KnowledgeLoader.MaxQuoteLength)
            {
                problems.Add(new EntryProblem(EntryProblem.Cites, $"The quote \"{quote[..40]}…\" is {quote.Length} characters; keep it under {KnowledgeLoader.MaxQuoteLength}."));
                continue;
            }

            var resolution = _resolver.Resolve(quote);
            if (resolution.Citation is { } citation)
            {
                citations.Add(citation);
            }
            else
            {
                problems.Add(new EntryProblem(EntryProblem.Cites, $"Quote \"{quote}\": {resolution.Problem}. Copy the words exactly as the essay has them."));
            }
        }

        return citations;
    }

    /// <summary>A new id from the title: kebab-case, and used by no entry the scope can see or had.</summary>
    public static string NewId(EntryKind kind, string title, Func<string, bool> taken)
    {
        var sb = new StringBuilder();
        var words = 0;
        foreach (var word in KnowledgeLoaderWords(title))
        {
            if (words == 6 || sb.Length + word.Length > 48)
            {
                break;
            }

            sb.Append(sb.Length > 0 ? "-" : string.Empty).Append(word);
            words++;
        }

        var stem = (kind == EntryKind.Term ? "term-" : string.Empty) + (sb.Length > 0 ? sb.ToString() : "entry");
        var id = stem;
        for (var n = 2; taken(id); n++)
        {
            id = $"{stem}-{n}";
        }

        return id;
    }

    private static IEnumerable<string> KnowledgeLoaderWords(string text)
    {
        var current = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>Whether two entries say the same (records compare lists by reference).</summary>
    public static bool Same(Entry a, Entry b) =>
        a.Id == b.Id && a.Kind == b.Kind && a.Title == b.Title && a.Text == b.Text
        && a.Phrasings.SequenceEqual(b.Phrasings, StringComparer.Ordinal)
        && a.Citations.SequenceEqual(b.Citations)
        && Equals(a.Date, b.Date) && Equals(a.Change, b.Change) && Equals(a.Note, b.Note);
}

/// <summary>A rule an entry breaks, and which of its fields it is about (for a form to show it there).</summary>
public sealed record EntryProblem(string Field, string Message)
{
    public const string Title = "title";
    public const string Text = "text";
    public const string Cites = "cites";
    public const string Phrasings = "phrasings";
    public const string Id = "id";
}
