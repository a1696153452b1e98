using System.Globalization;
using System.Text;
using CyberCode.Core.Knowledge;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace CyberCode.Core.Answering;

/// <summary>
/// The searchable form of the knowledge: a Lucene BM25 index over every way of asking for an
/// entry, every entry's answer and every passage, plus the statistics the re-ranker needs
/// (document frequencies, the vocabulary for typo correction, synonym rules, the term lookup).
/// Built once at start-up; read-only and thread-safe afterwards.
/// </summary>
internal sealed class KnowledgeIndex : IDisposable
{
    private const string KeyField = "key";
    private const string TextField = "text";

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);

    // What counts as a topic the knowledge covers: the essay's words, its quotes and the curated
    // ways of asking; not the words of our own answers ("writing in China's role"), or every
    // question about writing would look covered.
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<(string Word, string Stem)>> _vocabularyByInitial = [];
    private readonly Dictionary<string, Entry> _curated;

    public KnowledgeIndex(KnowledgeBase knowledge)
    {
        Knowledge = knowledge;
        Analyzer = new TextAnalyzer();
        Filler = knowledge.Filler.ToHashSet(StringComparer.OrdinalIgnoreCase);
        Targets = knowledge.Entries.Select(Target.ForEntry).Concat(knowledge.Essay.Passages.Select(Target.ForPassage)).ToArray();
        TargetsByKey = Targets.ToDictionary(t => t.Key, StringComparer.Ordinal);
        _curated = CuratedWays(knowledge.Entries);

        var texts = Targets.ToDictionary(t => t.Key, t => (Surfaces: SurfaceTexts(t).ToArray(), Body: BodyText(t)));

        // Document frequencies first: surface weights depend on them.
        var stemmed = texts.ToDictionary(
            kv => kv.Key,
            kv => (Surfaces: kv.Value.Surfaces.Select(s => Analyzer.Stems(s)).ToArray(), Body: Analyzer.Stems(kv.Value.Body)));
        foreach (var target in Targets)
        {
            var (surfaces, _) = stemmed[target.Key];
            _topics.UnionWith(surfaces.SelectMany(x => x));
            _topics.UnionWith(target.Passage is { } p ? Analyzer.Stems(p.Text) : target.Entry!.Citations.SelectMany(c => Analyzer.Stems(c.Quote)));
        }

        foreach (var (_, (surfaces, body)) in stemmed)
        {
            foreach (var stem in surfaces.SelectMany(s => s).Concat(body).Distinct(StringComparer.Ordinal))
            {
                _df[stem] = _df.GetValueOrDefault(stem) + 1;
            }
        }

        MaxIdf = Idf(0);

        // Typos are corrected against the words as written, not their stems: "positon" is one
        // letter from "position", but its stem is two from "posit".
        foreach (var word in texts.Values.SelectMany(t => t.Surfaces.Append(t.Body)).SelectMany(t => Analyzer.Words(t)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (word.Length < 4 || Analyzer.Stem(word) is not { } stem || !_df.ContainsKey(stem))
            {
                continue;
            }

            if (!_vocabularyByInitial.TryGetValue(word[0], out var list))
            {
                _vocabularyByInitial[word[0]] = list = [];
            }

            list.Add((word, stem));
        }

        var fillerStems = Filler.Select(Analyzer.Stem).OfType<string>().ToHashSet(StringComparer.Ordinal);
        FillerStems = fillerStems;
        foreach (var target in Targets)
        {
            var (surfaces, body) = stemmed[target.Key];
            target.SetStems(
                surfaces.Where(s => s.Count > 0).Select(s => new WeightedStems(s.ToHashSet(StringComparer.Ordinal), s.Distinct(StringComparer.Ordinal).Sum(StemWeight))).ToArray(),
                body);
        }

        Synonyms = BuildSynonyms(knowledge);
        Terms = BuildTermLookup(knowledge);

        var config = new IndexWriterConfig(TextAnalyzer.Version, Analyzer.IndexAnalyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var target in Targets)
            {
                var (surfaces, body) = texts[target.Key];
                foreach (var text in surfaces.Append(body))
                {
                    writer.AddDocument(
                    [
                        new StringField(KeyField, target.Key, Field.Store.YES),
                        new TextField(TextField, TextAnalyzer.Prepare(text, userTyped: false), Field.Store.NO),
                    ]);
                }
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public KnowledgeBase Knowledge { get; }
    public TextAnalyzer Analyzer { get; }
    public IReadOnlyList<Target> Targets { get; }
    public IReadOnlyDictionary<string, Target> TargetsByKey { get; }
    public IReadOnlySet<string> Filler { get; }
    public IReadOnlySet<string> FillerStems { get; }
    public IReadOnlyList<SynonymRule> Synonyms { get; }

    /// <summary>Glossary terms by every normalised way of writing them.</summary>
    public IReadOnlyDictionary<string, Entry> Terms { get; }

    public IndexSearcher Searcher { get; }
    public double MaxIdf { get; }
    public int DocumentCount => Targets.Count;

    /// <summary>
    /// The entry whose question or one of whose curated phrasings this is, word for word once case
    /// and punctuation are set aside (<see cref="Learning.QuestionKey"/>); null otherwise. A way of
    /// asking that two entries share belongs to neither.
    /// </summary>
    public Entry? Curated(string question) => _curated.GetValueOrDefault(Learning.QuestionKey.From(question));

    private static Dictionary<string, Entry> CuratedWays(IEnumerable<Entry> entries)
    {
        var ways = new Dictionary<string, Entry?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var key in entry.Phrasings.Append(entry.Title).Select(Learning.QuestionKey.From).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal))
            {
                ways[key] = ways.TryGetValue(key, out var other) && other != entry ? null : entry;
            }
        }

        return ways.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
    }

    /// <summary>Whether the essay or a curated way of asking uses this stem.</summary>
    public bool Knows(string stem) => _topics.Contains(stem);

    public double Idf(string stem) => Idf(_df.GetValueOrDefault(stem));

    /// <summary>The weight a stem carries in a text: its IDF, less for filler words.</summary>
    public double StemWeight(string stem) => Idf(stem) * (FillerStems.Contains(stem) ? FillerFactor : 1.0);

    public const double FillerFactor = 0.25;

    /// <summary>
    /// The stem of the known word closest to a mistyped one (ties go to the more frequent),
    /// within one edit for short words and two for long ones, sharing the first letter: people
    /// rarely mistype the first letter, and allowing it turns "light" into "right".
    /// </summary>
    public string? Correct(string word)
    {
        var maxDistance = word.Length >= 8 ? 2 : word.Length >= 4 ? 1 : 0;
        if (maxDistance == 0 || !_vocabularyByInitial.TryGetValue(word[0], out var candidates))
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        var bestDf = 0;
        foreach (var (candidate, stem) in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) > maxDistance)
            {
                continue;
            }

            var distance = EditDistance.Compute(word, candidate, maxDistance);
            if (distance <= maxDistance && (distance < bestDistance || (distance == bestDistance && _df[stem] > bestDf)))
            {
                (best, bestDistance, bestDf) = (stem, distance, _df[stem]);
            }
        }

        return best;
    }

    /// <summary>Lucene's BM25 ranking of targets for a weighted set of stems.</summary>
    public Dictionary<string, float> Search(IEnumerable<(string Stem, float Boost)> stems, int documents)
    {
        var query = new BooleanQuery();
        foreach (var (stem, boost) in stems)
        {
            query.Add(new TermQuery(new Term(TextField, stem)) { Boost = boost }, Occur.SHOULD);
        }

        var scores = new Dictionary<string, float>(StringComparer.Ordinal);
        if (query.Clauses.Count == 0)
        {
            return scores;
        }

        foreach (var hit in Searcher.Search(query, documents).ScoreDocs)
        {
            var key = Searcher.Doc(hit.Doc).Get(KeyField);
            scores[key] = Math.Max(scores.GetValueOrDefault(key), hit.Score);
        }

        return scores;
    }

    /// <summary>Normalises a term the way people type it, for the glossary lookup.</summary>
    public static string TermKey(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in TextNormalizer.CleanUserText(text).ToLowerInvariant())
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && words[0] is "the" or "a" or "an")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }

    private double Idf(int df) => Math.Log(1 + ((DocumentCount - df + 0.5) / (df + 0.5)));

    private static IEnumerable<string> SurfaceTexts(Target target)
    {
        if (target.Entry is not { } entry)
        {
            yield break;
        }

        yield return entry.Title;
        foreach (var phrasing in entry.Phrasings)
        {
            yield return phrasing;
        }
    }

    private static string BodyText(Target target)
    {
        if (target.Passage is { } passage)
        {
            return passage.Text;
        }

        var entry = target.Entry!;
        var parts = new List<string> { entry.Title, entry.Text };
        parts.AddRange(entry.Citations.Select(c => c.Quote));
        if (entry.Date is { } date)
        {
            parts.Add(date.ToString());
        }

        if (entry.Change is { } change)
        {
            parts.Add(change.Version2011);
            parts.Add(change.Version2015);
        }

        if (entry.Note is { } note)
        {
            parts.Add($"{note.Author} {note.Year}");
        }

        return string.Join(" \n ", parts);
    }

    private List<SynonymRule> BuildSynonyms(KnowledgeBase knowledge)
    {
        var groups = knowledge.Synonyms.Select(g => g.ToList()).ToList();

        // A glossary term and its abbreviations are synonyms too ("WCIT" and the conference's name).
        foreach (var term in knowledge.OfKind(EntryKind.Term))
        {
            var abbreviations = term.Phrasings.Where(IsAbbreviation).ToList();
            if (abbreviations.Count > 0)
            {
                groups.Add([term.Title, .. abbreviations]);
            }
        }

        var rules = new List<SynonymRule>();
        foreach (var group in groups)
        {
            var phrases = group.Select(p => Analyzer.Stems(p)).Where(s => s.Count > 0).ToList();
            for (var i = 0; i < phrases.Count; i++)
            {
                var others = phrases.Where((_, j) => j != i).SelectMany(p => p).Where(s => !phrases[i].Contains(s)).ToHashSet(StringComparer.Ordinal);
                if (others.Count > 0)
                {
                    rules.Add(new SynonymRule(phrases[i].ToArray(), others));
                }
            }
        }

        return rules;
    }

    private static bool IsAbbreviation(string alias) =>
        alias.Length is >= 2 and <= 8 && alias.Any(char.IsUpper) && alias.All(c => char.IsUpper(c) || char.IsDigit(c) || c is ' ' or '.');

    private static Dictionary<string, Entry> BuildTermLookup(KnowledgeBase knowledge)
    {
        var lookup = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var term in knowledge.OfKind(EntryKind.Term))
        {
            foreach (var name in term.Phrasings.Prepend(term.Title))
            {
                var key = TermKey(name);
                if (key.Length > 0)
                {
                    lookup.TryAdd(key, term);
                    lookup.TryAdd(key.Replace(" ", string.Empty, StringComparison.Ordinal), term);
                }
            }
        }

        return lookup;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Targets.Count} targets, {_df.Count} stems");
}

/// <summary>When a question's stems contain <see cref="Phrase"/>, the <see cref="Others"/> may match too.</summary>
internal sealed record SynonymRule(string[] Phrase, HashSet<string> Others);
