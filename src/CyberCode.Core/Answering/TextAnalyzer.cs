using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace CyberCode.Core.Answering;

/// <summary>
/// English analysis shared by the index and the questions: Unicode word tokens, possessives
/// dropped, lower case, stop words removed, Porter stems. "US" (the country) is told apart from
/// "us" (the pronoun) before lower-casing, because the essay, written as China, uses both.
/// </summary>
internal sealed partial class TextAnalyzer : IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Lucene's English stop words plus the question and pronoun words that carry no topic.
    private static readonly string[] ExtraStopWords =
    [
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "whats",
        "do", "does", "did", "doing", "done", "i", "me", "my", "we", "our", "ours", "you", "your",
        "us", "he", "she", "him", "her", "its", "has", "have", "had", "having", "been", "being", "am",
        "would", "should", "could", "can", "may", "might", "must", "shall", "about", "from", "than",
        "so", "some", "any", "all", "each", "here", "up", "out", "very", "too", "only", "own",
        "instead", "rather", "s", "t", "get", "got", "were", "also",
    ];

    private readonly CharArraySet _stopWords;
    private readonly ConcurrentDictionary<string, string?> _stems = new(StringComparer.Ordinal);

    public TextAnalyzer()
    {
        _stopWords = new CharArraySet(Version, StopAnalyzer.ENGLISH_STOP_WORDS_SET.Count + ExtraStopWords.Length, ignoreCase: true);
        _stopWords.UnionWith(StopAnalyzer.ENGLISH_STOP_WORDS_SET);
        _stopWords.UnionWith(ExtraStopWords);
        IndexAnalyzer = Analyzer.NewAnonymous((field, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
            stream = new LowerCaseFilter(Version, stream);
            stream = new StopFilter(Version, stream, _stopWords);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        });
        SurfaceAnalyzer = Analyzer.NewAnonymous((field, reader) =>
        {
            var tokenizer = new StandardTokenizer(Version, reader);
            TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
            stream = new LowerCaseFilter(Version, stream);
            return new TokenStreamComponents(tokenizer, stream);
        });
    }

    /// <summary>The analyzer the Lucene index uses: stems without stop words.</summary>
    public Analyzer IndexAnalyzer { get; }

    private Analyzer SurfaceAnalyzer { get; }

    /// <summary>Rewrites the country "US" so it is not taken for the pronoun "us".</summary>
    public static string Prepare(string text, bool userTyped)
    {
        text = CountryUs().Replace(text, "USA");
        text = Paragraph().Replace(text, m => "2(" + (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToLowerInvariant() + ")");
        return userTyped ? TheUs().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value + " USA" : "USA") : text;
    }

    /// <summary>Lower-cased word tokens, stop words included, in order.</summary>
    public List<string> Words(string text, bool userTyped = false) => Run(SurfaceAnalyzer, Prepare(text, userTyped));

    /// <summary>Stems of the words that carry meaning, in order.</summary>
    public List<string> Stems(string text, bool userTyped = false) => Run(IndexAnalyzer, Prepare(text, userTyped));

    /// <summary>The stem of one lower-cased word, or null for a stop word.</summary>
    public string? Stem(string word) => _stems.GetOrAdd(word, w =>
    {
        var stems = Run(IndexAnalyzer, w);
        return stems.Count == 1 ? stems[0] : null;
    });

    public bool IsStopWord(string word) => _stopWords.Contains(word);

    public void Dispose()
    {
        IndexAnalyzer.Dispose();
        SurfaceAnalyzer.Dispose();
    }

    private static List<string> Run(Analyzer analyzer, string text)
    {
        var result = new List<string>();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            result.Add(term.ToString());
        }

        stream.End();
        return result;
    }

    // The Code's paragraphs 2(f) and 2(7) as people type them: "2f", "2 (f)", "para 2f".
    [GeneratedRegex(@"\b2(?:\s*\(\s*([a-z0-9])\s*\)|([a-z])\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Paragraph();

    [GeneratedRegex(@"\b(?:U\.S\.A?\.?|US|USA)(?=$|[^\p{L}])")]
    private static partial Regex CountryUs();

    // "the us", "by us companies": a lower-case "us" after an article or before a noun people
    // use with the country is the country in a typed question.
    [GeneratedRegex(@"(?:^|\b(the|and|vs|versus|between|than)\s+)us\b(?!\s+(?:to|avoid|be)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex TheUs();
}
