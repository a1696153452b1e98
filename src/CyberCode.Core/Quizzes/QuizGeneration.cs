using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Quizzes;

/// <summary>
/// Turns glossary terms into "Which term means this?" items and timeline events into "When did
/// this happen?" items. Wrong choices are of the same kind as the right one (terms of the same
/// kind, dates in the same format) and are picked by a hash of the item id, so an item shows the
/// same choices in the same order every time, on every machine.
/// </summary>
internal static partial class QuizGeneration
{
    public const string TermTopic = "terms";
    public const string TimelineTopic = "timeline";
    public const string TermIdPrefix = KnowledgeLoader.GeneratedIdPrefix + "term-";
    public const string DateIdPrefix = KnowledgeLoader.GeneratedIdPrefix + "date-";

    // Room for "Which term means this? " within the question limit.
    private const int MaxClueLength = 250;

    // A clue shorter than this ("A core UN human-rights treaty.") says too little on its own.
    private const int ShortClue = 60;

    // Wrong years come from the timeline, near enough to the right one to be plausible.
    private const int YearWindow = 4;

    public static IEnumerable<QuizItem> FromGlossary(KnowledgeBase knowledge)
    {
        var rules = knowledge.QuizGeneration;
        var terms = knowledge.OfKind(EntryKind.Term).Where(t => rules.TermKinds.ContainsKey(t.Id)).ToList();
        foreach (var term in terms)
        {
            var (clue, next) = Clue(term);
            if (clue is null)
            {
                continue; // every fitting part of the definition would give the answer away
            }

            var id = TermIdPrefix + Strip(term.Id, "term-");
            var kind = rules.TermKinds[term.Id];
            var wrong = terms
                .Where(t => t.Id != term.Id
                    && string.Equals(rules.TermKinds[t.Id], kind, StringComparison.OrdinalIgnoreCase)
                    && !rules.AreTooClose(term.Id, t.Id)
                    && !Mentions(clue, t)
                    && t.Title.Length <= KnowledgeLoader.MaxChoiceLength
                    && !string.Equals(t.Title, term.Title, StringComparison.OrdinalIgnoreCase))
                .OrderBy(t => Hash(id + "|" + t.Id))
                .Take(KnowledgeLoader.MaxChoices - 1)
                .Select(t => t.Title)
                .ToList();
            if (wrong.Count < KnowledgeLoader.MinChoices - 1 || term.Title.Length > KnowledgeLoader.MaxChoiceLength)
            {
                continue;
            }

            var (choices, correct) = Place(id, term.Title, wrong);
            var explanation = Line($"The answer is {term.Title}.", next);
            yield return new QuizItem(id, TermTopic, $"Which term means this? {clue}", choices, correct, explanation, term.Citations, QuizOrigin.Glossary);
        }
    }

    public static IEnumerable<QuizItem> FromTimeline(KnowledgeBase knowledge)
    {
        var rules = knowledge.QuizGeneration;
        var events = knowledge.OfKind(EntryKind.Event).Where(e => e.Date is not null).ToList();
        var years = events.Select(e => e.Date!.Year).Distinct().Order().ToList();
        foreach (var e in events)
        {
            var year = e.Date!.Year.ToString(CultureInfo.InvariantCulture);
            if (rules.SkipEvents.Contains(e.Id) || YearPattern().IsMatch(e.Title) || !e.Citations.Any(c => c.Quote.Contains(year, StringComparison.Ordinal)))
            {
                continue; // loosely dated, the title names the year, or no quote shows the date
            }

            var id = DateIdPrefix + Strip(e.Id, "event-");
            var date = e.Date!;
            var others = years.Where(y => y != date.Year).ToList();
            var near = others.Where(y => Math.Abs(y - date.Year) <= YearWindow).ToList();
            var wrong = (near.Count >= KnowledgeLoader.MinChoices - 1 ? near : others)
                .Select(y => WithYear(date, y))
                .OfType<EventDate>()
                .OrderBy(d => Hash(id + "|" + d.Year.ToString(CultureInfo.InvariantCulture)))
                .Take(KnowledgeLoader.MaxChoices - 1)
                .Select(d => d.ToString())
                .ToList();
            if (wrong.Count < KnowledgeLoader.MinChoices - 1)
            {
                continue;
            }

            var (choices, correct) = Place(id, date.ToString(), wrong);
            var explanation = Line($"The essay dates it {date}.", Sentences(e.Text).FirstOrDefault());
            yield return new QuizItem(id, TimelineTopic, $"When did this happen, according to the essay? {e.Title}", choices, correct, explanation, e.Citations, QuizOrigin.Timeline);
        }
    }

    /// <summary>FNV-1a over UTF-8: stable across processes and runtimes, unlike <see cref="string.GetHashCode()"/>.</summary>
    internal static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Puts the right choice among the wrong ones at a position that depends on the item id.</summary>
    private static (IReadOnlyList<string> Choices, int Correct) Place(string id, string right, List<string> wrong)
    {
        var correct = (int)(Hash(id) % (ulong)(wrong.Count + 1));
        var choices = new List<string>(wrong);
        choices.Insert(correct, right);
        return (choices, correct);
    }

    /// <summary>
    /// The definition's first sentence, with the second when the first is short, or the first
    /// alone when the second names the term; null when no such clue leaves the term unnamed.
    /// Also returns the sentence after the clue, for the explanation.
    /// </summary>
    private static (string? Clue, string? Next) Clue(Entry term)
    {
        var sentences = Sentences(term.Text);
        var tries = sentences.Count > 1 && sentences[0].Length < ShortClue ? new[] { 2, 1 } : [1];
        foreach (var used in tries.Where(n => n <= sentences.Count))
        {
            var clue = string.Join(' ', sentences.Take(used));
            if (clue.Length <= MaxClueLength && !Mentions(clue, term))
            {
                return (clue, sentences.Skip(used).FirstOrDefault());
            }
        }

        return (null, null);
    }

    private static List<string> Sentences(string text) =>
        [.. SentenceBreak().Split(text.Trim()).Select(s => s.Trim()).Where(s => s.Length > 0)];

    private static string Line(string head, string? more) =>
        more is not null && head.Length + 1 + more.Length <= KnowledgeLoader.MaxExplanationLength ? head + " " + more : head;

    /// <summary>Whether the text names the term: its headword, the part in brackets, or an alias, as whole words.</summary>
    private static bool Mentions(string text, Entry term)
    {
        var haystack = " " + Fold(text) + " ";
        return Names(term).Select(Fold).Where(n => n.Length >= 2).Any(n => haystack.Contains(" " + n + " ", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Names(Entry term)
    {
        yield return term.Title;
        var bracket = Bracket().Match(term.Title);
        if (bracket.Success)
        {
            yield return term.Title[..bracket.Index];
            yield return bracket.Groups["inner"].Value;
        }

        foreach (var alias in term.Phrasings)
        {
            yield return alias;
        }
    }

    /// <summary>Lower-case letters and digits with single spaces, so "Cyber-sovereignty" and "cyber sovereignty" compare equal.</summary>
    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().Trim();
    }

    private static EventDate? WithYear(EventDate date, int year) =>
        date is { Month: int m, Day: int d } && d > DateTime.DaysInMonth(year, m) ? null : date with { Year = year };

    private static string Strip(string id, string prefix) =>
        id.StartsWith(prefix, StringComparison.Ordinal) ? id[prefix.Length..] : id;

    [GeneratedRegex(@"(?<=[a-z0-9)""'][.!?])\s+(?=[A-Z""(])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\s*\((?<inner>[^()]+)\)\s*$")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex YearPattern();
}
