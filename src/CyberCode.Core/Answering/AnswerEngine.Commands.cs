using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Answering;

public sealed partial class AnswerEngine
{
    /// <summary>What a new user is offered to try.</summary>
    public static readonly IReadOnlyList<string> Starters =
        ["define cyber sovereignty", "what changed in 2015", "timeline", "why was a binding treaty impossible?"];

    public const string HelpText =
        "I answer questions about the essay \"The International Cyber Security Code\" (Xiaotong Liu, 2017), " +
        "and every answer quotes the passage it comes from.\n" +
        "Ask in your own words, or use a command:\n" +
        "  define TERM        what a term means (\"define cyber sovereignty\", \"what is the SCO\")\n" +
        "  changes            what changed between the 2011 and 2015 drafts (\"what changed in 2015\")\n" +
        "  timeline           the dated events, 2009-2017 (\"when did the agreement enter into force\")\n" +
        "  notes              the essay's six references, and what it cites each for\n" +
        "  source ID          one passage in full (\"source II.5\"; ids I.1-I.20, II.1-II.9, III.1-III.5, N.1-N.6)\n" +
        "  search WORDS       the passages that use these words\n" +
        "  part N             one part of the essay, passage by passage (\"part 2\")\n" +
        "  about              the essay itself: title, author, date, parts\n" +
        "  quiz               a multiple-choice quiz for everyone here; \"quiz help\" for its commands\n" +
        "  help               this text";

    private Answer Help(string question) =>
        new(question, false, AnswerKinds.Help, HelpText, 1.0, [], Starters);

    private static Answer Thanks(string question) =>
        new(question, false, AnswerKinds.Help, "You're welcome! Ask me anything else about the essay, or type \"help\".", 1.0, [], Starters);

    /// <summary>One part of the essay: its title and the opening sentence of each passage.</summary>
    private Answer Section(string question, string part)
    {
        var roman = part switch
        {
            "1" or "i" or "one" => "I",
            "2" or "ii" or "two" => "II",
            _ => "III",
        };
        var section = Essay.Sections.First(s => s.Passages[0].Id.StartsWith(roman + ".", StringComparison.Ordinal));
        var citations = section.Passages.Select(p =>
        {
            var (start, length) = Passages.Sentences(p.Text).First();
            return Passages.Cite(p, start, length);
        }).ToArray();
        var text = $"{section.Title} has {section.Passages.Count} passages ({section.Passages[0].Id}-{section.Passages[^1].Id}); each opens:\n" +
            string.Join("\n", citations.Select(c => $"- {c.PassageId}: {c.Quote}"));
        return new Answer(question, true, AnswerKinds.Section, text, 1.0, citations, []) { Title = section.Title };
    }

    private Answer About(string question)
    {
        var parts = string.Join("; ", Essay.Sections.Select(s => $"{s.Title} ({s.Passages[0].Id}-{s.Passages[^1].Id})"));
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"\"{Essay.Title}\" by {Essay.Author}, published {Essay.Published:d MMMM yyyy}. Parts II and III speak as China (\"we\"). Its parts: {parts}.");
        // Title, author and date come from the page's byline, which no passage quotes.
        return new Answer(question, true, AnswerKinds.About, text, 1.0, [], ["part 1", "part 2", "part 3", "notes"])
        {
            Title = Essay.Title,
        };
    }

    private Answer Changes(string question)
    {
        var changes = Knowledge.OfKind(EntryKind.Change).ToList();
        if (changes.Count == 0)
        {
            return Decline(question, 0);
        }

        var text = new StringBuilder("Between the 2011 draft and the 2015 draft of the Code:");
        foreach (var change in changes)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {change.Title}: {change.Text} [{change.Citations[0].PassageId}]");
        }

        return new Answer(question, true, AnswerKinds.Changes, text.ToString(), 1.0, DistinctCitations(changes), [])
        {
            Title = "What changed between 2011 and 2015",
        };
    }

    private Answer Timeline(string question)
    {
        var events = Knowledge.OfKind(EntryKind.Event).OrderBy(e => e.Date).ToList();
        if (events.Count == 0)
        {
            return Decline(question, 0);
        }

        var text = new StringBuilder("The events the essay dates, in order:");
        foreach (var e in events)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {e.Date}: {e.Title} [{e.Citations[0].PassageId}]");
        }

        return new Answer(question, true, AnswerKinds.Timeline, text.ToString(), 1.0, DistinctCitations(events), [])
        {
            Title = "Timeline",
        };
    }

    private Answer Notes(string question)
    {
        var notes = Knowledge.OfKind(EntryKind.Note).OrderBy(n => n.Note!.Number).ToList();
        if (notes.Count == 0)
        {
            return Decline(question, 0);
        }

        var text = new StringBuilder("The essay's notes (its references):");
        foreach (var n in notes)
        {
            var note = n.Note!;
            text.Append(CultureInfo.InvariantCulture, $"\n- {note.Number}. {note.Author} ({note.Year}), \"{note.Title}\". {n.Text} [N.{note.Number}]");
        }

        return new Answer(question, true, AnswerKinds.Notes, text.ToString(), 1.0, DistinctCitations(notes), [])
        {
            Title = "Notes",
        };
    }

    private IReadOnlyList<AnswerCitation> DistinctCitations(IEnumerable<Entry> entries) =>
        entries.Select(e => e.Citations[0])
            .DistinctBy(c => c.PassageId)
            .Select(c => Passages.Cite(c, Essay))
            .ToArray();

    /// <summary>One passage in full by id ("II.5", "ii 5"), or the nearest ids when there is none.</summary>
    public Answer Passage(string? id)
    {
        var cleaned = TextNormalizer.CleanUserText(id ?? string.Empty);
        return Source(cleaned.Length == 0 ? "passage" : "passage " + cleaned, cleaned);
    }

    private Answer Source(string question, string id)
    {
        var compact = id.Replace(" ", string.Empty, StringComparison.Ordinal);
        var normalized = PassageId().Replace(compact, m => m.Groups["s"].Value.ToUpperInvariant() + "." + m.Groups["n"].Value);
        if (Essay.Find(normalized) is { } passage)
        {
            return new Answer(question, true, AnswerKinds.Source, passage.Text, 1.0, [Passages.Cite(passage, 0, passage.Text.Length)], [])
            {
                Title = $"{passage.Id}, {passage.Section}",
            };
        }

        var nearest = NearestIds(normalized);
        var text = id.Length == 0
            ? $"Which passage? Passage ids look like I.1-I.20, II.1-II.9, III.1-III.5 and N.1-N.6, e.g. \"source II.5\"."
            : $"There is no passage \"{id}\". Passage ids look like I.1-I.20, II.1-II.9, III.1-III.5 and N.1-N.6. Nearest: {string.Join(", ", nearest)}.";
        return new Answer(question, false, AnswerKinds.Source, text, 0, [], nearest.Select(n => $"source {n}").ToArray());
    }

    private IReadOnlyList<string> NearestIds(string id)
    {
        var match = PassageId().Match(id);
        var section = match.Success ? match.Groups["s"].Value.ToUpperInvariant() : string.Empty;
        var number = match.Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : 1;
        var inSection = Essay.Passages.Where(p => p.Id.StartsWith(section + ".", StringComparison.Ordinal)).ToList();
        var pool = inSection.Count > 0 ? inSection : Essay.Sections.Select(s => s.Passages[0]).ToList();
        return pool
            .OrderBy(p => Math.Abs(int.Parse(p.Id[(p.Id.IndexOf('.', StringComparison.Ordinal) + 1)..], CultureInfo.InvariantCulture) - number))
            .ThenBy(p => p.Order)
            .Take(3)
            .Select(p => p.Id)
            .ToArray();
    }

    private Answer Search(string question, string words)
    {
        var plan = _planner.Plan(words);
        var hits = _ranker.Rank(plan, new RankingHints(), take: 40)
            .Where(c => c.Target.Passage is not null && c.BodyMatch > 0)
            .OrderByDescending(c => c.BodyMatch)
            .ThenBy(c => c.Target.Passage!.Order)
            .Take(5)
            .ToList();
        if (hits.Count == 0)
        {
            return new Answer(question, false, AnswerKinds.Search, $"No passage of the essay uses \"{words}\".", 0, [], Starters);
        }

        var citations = hits.Select(h =>
        {
            var p = h.Target.Passage!;
            var best = Passages.Sentences(p.Text)
                .OrderByDescending(s => Ranker.Recall(plan, _index.Analyzer.Stems(p.Text.Substring(s.Start, s.Length)).ToHashSet(StringComparer.Ordinal)))
                .First();
            return Passages.Cite(p, best.Start, best.Length);
        }).ToArray();
        var text = $"{hits.Count} passage(s) use \"{words}\": {string.Join(", ", citations.Select(c => c.PassageId))}.";
        return new Answer(question, true, AnswerKinds.Search, text, Round(hits[0].BodyMatch), citations, []) { Title = $"Search: {words}" };
    }

    private static Answer Decline(string question, double confidence) =>
        new(question, false, AnswerKinds.Decline,
            "I can't find that in the essay, and I'd rather not guess. I answer questions about " +
            "\"The International Cyber Security Code\" (Xiaotong Liu, 2017): try a term (\"define cyber sovereignty\"), " +
            "the changes between the 2011 and 2015 drafts (\"what changed in 2015\"), the timeline, or type \"help\".",
            Round(confidence), [], Starters);

    private static Answer DeclineWithTopics(string question, double confidence, IReadOnlyList<string> topics) =>
        new(question, false, AnswerKinds.Decline,
            "I can't find that in the essay, and I'd rather not guess. The closest topics it does cover are below; " +
            "pick one, ask in other words, or type \"help\".",
            Round(confidence), [], topics);

    private static Answer NotYourHomework(string question) =>
        new(question, false, AnswerKinds.Decline,
            "I can't write or do assignments for you, but I can help you understand the essay and cite it: " +
            "every answer quotes the passage it rests on. Try a question like \"why was a binding treaty impossible?\", or type \"help\".",
            0, [], Starters);

    private static Answer UnknownTerm(string question, string term, string word) =>
        new(question, false, AnswerKinds.Decline,
            $"The essay never uses the word \"{word}\", so I can't explain \"{term}\" from it. " +
            "Try a term it does use, e.g. \"define cyber sovereignty\", or type \"help\".",
            0, [], Starters);

    private static Answer UnknownInstrument(string question, string name) =>
        new(question, false, AnswerKinds.Decline,
            $"The essay never mentions \"{name}\", so I can't explain it from the essay. " +
            "Ask about the agreements it does discuss, e.g. \"what is the international code of conduct\", or type \"help\".",
            0, [], Starters);

    private static Answer OutsideTheEssay(string question, int year, int first, int last) =>
        new(question, false, AnswerKinds.Decline,
            $"The essay never mentions {year}: it was published in November 2017, and the events it discusses run from {first} to {last}. " +
            "Ask about what it says, e.g. \"timeline\" or \"what changed in 2015\".",
            0, [], Starters);

    /// <summary>The four-digit years (1900–2099) a text names.</summary>
    private static IEnumerable<int> Years(string text) =>
        YearPattern().Matches(text).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"(?<![\d.])(19|20)\d{2}(?![\d.])")]
    private static partial Regex YearPattern();

    private static Answer TooLong(string question, int length) =>
        new(question.Length > 200 ? question[..200] + "…" : question, false, AnswerKinds.Refusal,
            $"That message is too long for me ({length:N0} characters). Please ask one question in under {MaxQuestionLength:N0} characters.",
            0, [], Starters);

    [GeneratedRegex(@"^(?<s>[A-Za-z]{1,4})\s*\.\s*(?<n>\d{1,3})$")]
    private static partial Regex PassageId();
}
