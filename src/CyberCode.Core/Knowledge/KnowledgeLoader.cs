using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace CyberCode.Core.Knowledge;

/// <summary>
/// Loads <c>knowledge/</c>: the essay from <c>source/</c> and every <c>*.yaml</c> file beside it.
/// Every quote is resolved against the essay; any problem stops the load with a message that
/// names the file, the entry and the quote.
/// </summary>
public static partial class KnowledgeLoader
{
    public const int MaxTextLength = 1200;
    public const int MaxQuoteLength = 600;

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Loads and validates; throws <see cref="KnowledgeValidationException"/> on any problem.</summary>
    public static KnowledgeBase Load(string directory)
    {
        var (kb, problems) = TryLoad(directory);
        return problems.Count > 0 || kb is null ? throw new KnowledgeValidationException(problems) : kb;
    }

    /// <summary>Loads and returns every problem found instead of stopping at the first.</summary>
    public static (KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeProblem> Problems) TryLoad(string directory)
    {
        var problems = new List<KnowledgeProblem>();
        if (!Directory.Exists(directory))
        {
            problems.Add(new KnowledgeProblem(directory, null, null, "the knowledge folder does not exist (set Knowledge:Path to the folder that holds source/ and the *.yaml files)"));
            return (null, problems);
        }

        var sourceDir = Path.Combine(directory, "source");
        var essays = Directory.Exists(sourceDir) ? Directory.GetFiles(sourceDir, "*.txt") : [];
        if (essays.Length != 1)
        {
            problems.Add(new KnowledgeProblem(sourceDir, null, null, $"expected exactly one essay (*.txt), found {essays.Length}"));
            return (null, problems);
        }

        Essay essay;
        try
        {
            essay = EssayParser.Parse(File.ReadAllText(essays[0]));
        }
        catch (FormatException ex)
        {
            problems.Add(new KnowledgeProblem(Path.GetFileName(essays[0]), null, null, ex.Message));
            return (null, problems);
        }

        var files = Directory.GetFiles(directory, "*.yaml").Concat(Directory.GetFiles(directory, "*.yml")).Order(StringComparer.Ordinal).ToArray();
        var parsed = new List<(string Name, KnowledgeFile File)>();
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            try
            {
                parsed.Add((name, Yaml.Deserialize<KnowledgeFile>(File.ReadAllText(path)) ?? new KnowledgeFile()));
            }
            catch (YamlException ex)
            {
                problems.Add(new KnowledgeProblem(name, null, null, $"line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message}"));
            }
        }

        var kb = Build(essay, parsed, problems);
        return (problems.Count == 0 ? kb : null, problems);
    }

    /// <summary>Builds from already-parsed YAML text; used for tests and for imports.</summary>
    public static (KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeProblem> Problems) FromYaml(Essay essay, IEnumerable<(string Name, string Yaml)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<KnowledgeProblem>();
        var parsed = new List<(string, KnowledgeFile)>();
        foreach (var (name, text) in files)
        {
            try
            {
                parsed.Add((name, Yaml.Deserialize<KnowledgeFile>(text) ?? new KnowledgeFile()));
            }
            catch (YamlException ex)
            {
                problems.Add(new KnowledgeProblem(name, null, null, $"line {ex.Start.Line}, column {ex.Start.Column}: {(ex.InnerException ?? ex).Message}"));
            }
        }

        var kb = Build(essay, parsed, problems);
        return (problems.Count == 0 ? kb : null, problems);
    }

    private static KnowledgeBase Build(Essay essay, List<(string Name, KnowledgeFile File)> files, List<KnowledgeProblem> problems)
    {
        var resolver = new QuoteResolver(essay);
        var entries = new List<Entry>();
        var synonyms = new List<IReadOnlyList<string>>();
        var filler = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var quizItems = new List<Quizzes.QuizItem>();
        var generation = new List<(string Name, QuizGenerationDto Rules)>();
        var training = new List<(string File, string Id, List<string> Ways)>();

        foreach (var (name, file) in files)
        {
            var ctx = new Context(name, resolver, problems, seen);
            foreach (var t in file.Terms ?? [])
            {
                ctx.Add(entries, t, EntryKind.Term, t.Term, t.Definition, t.Aliases, "term", "definition");
            }

            foreach (var q in file.Questions ?? [])
            {
                ctx.Add(entries, q, EntryKind.Question, q.Question, q.Answer, q.Phrasings, "question", "answer");
            }

            foreach (var e in file.Events ?? [])
            {
                var date = EventDate.Parse(e.Date);
                if (date is null)
                {
                    problems.Add(new KnowledgeProblem(name, e.Id, null, $"'date' must be YYYY, YYYY-MM or YYYY-MM-DD (got '{e.Date}')"));
                }

                ctx.Add(entries, e, EntryKind.Event, e.Title, e.Summary, e.Phrasings, "title", "summary", entry => entry with { Date = date });
            }

            foreach (var c in file.Changes ?? [])
            {
                if (string.IsNullOrWhiteSpace(c.V2011) || string.IsNullOrWhiteSpace(c.V2015))
                {
                    problems.Add(new KnowledgeProblem(name, c.Id, null, "a change needs both 'v2011' and 'v2015'"));
                }

                ctx.Add(entries, c, EntryKind.Change, c.Topic, c.Summary, c.Phrasings, "topic", "summary",
                    entry => entry with { Change = new ChangeDetail(Clean(c.V2011), Clean(c.V2015)) });
            }

            foreach (var n in file.Notes ?? [])
            {
                if (n.Number is null || essay.Find($"N.{n.Number}") is null)
                {
                    problems.Add(new KnowledgeProblem(name, n.Id, null, $"'number' must be the number of one of the essay's notes (got '{n.Number}')"));
                }

                List<string> names = [.. n.Author is null ? [] : new[] { n.Author }, .. n.Phrasings ?? []];
                ctx.Add(entries, n, EntryKind.Note, n.Title, n.CitedFor, names, "title", "citedFor",
                    entry => entry with { Note = new NoteReference(n.Number ?? 0, Clean(n.Author), Clean(n.Year), Clean(n.Title), n.Url?.Trim()) });
            }

            foreach (var group in file.Synonyms ?? [])
            {
                var words = group.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
                if (words.Length < 2)
                {
                    problems.Add(new KnowledgeProblem(name, null, null, $"a synonym group needs at least two words (got [{string.Join(", ", group)}])"));
                }
                else
                {
                    synonyms.Add(words);
                }
            }

            filler.UnionWith((file.Filler ?? []).Select(w => w.Trim()).Where(w => w.Length > 0));
            foreach (var q in file.Quiz ?? [])
            {
                AddQuizItem(ctx, quizItems, q);
            }

            if (file.Generate is not null)
            {
                generation.Add((name, file.Generate));
            }

            foreach (var (id, ways) in file.Training ?? [])
            {
                training.Add((name, id, ways ?? []));
            }
        }

        return new KnowledgeBase(essay, entries, synonyms, filler)
        {
            QuizItems = quizItems,
            QuizGeneration = BuildGenerationRules(generation, entries, problems),
            Training = BuildTraining(training, entries, essay, problems),
        };
    }

    /// <summary>
    /// The <c>training:</c> ways of asking by entry id or passage id (<c>I.15</c>): each must name an
    /// entry or a passage of the essay, and each way is cleaned like a phrasing; empty ones and those
    /// an entry already has as a phrasing are dropped.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<string>> BuildTraining(List<(string File, string Id, List<string> Ways)> training, List<Entry> entries, Essay essay, List<KnowledgeProblem> problems)
    {
        var byId = entries.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (file, id, ways) in training)
        {
            HashSet<string> own;
            string key;
            if (byId.TryGetValue(id, out var entry))
            {
                (key, own) = (entry.Id, entry.Phrasings.Append(entry.Title).ToHashSet(StringComparer.OrdinalIgnoreCase));
            }
            else if (essay.Find(id) is { } passage)
            {
                (key, own) = (passage.Id, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            }
            else
            {
                problems.Add(new KnowledgeProblem(file, id, null, "training: there is no entry or passage with this id (training phrasings must name an entry of the other knowledge files, or a passage such as I.15)"));
                continue;
            }

            var list = result.TryGetValue(key, out var existing) ? existing : result[key] = [];
            foreach (var way in ways.Select(Clean).Where(w => w.Length > 0 && !own.Contains(w)))
            {
                if (way.Length > MaxTextLength)
                {
                    problems.Add(new KnowledgeProblem(file, id, null, $"training: a phrasing is longer than {MaxTextLength} characters"));
                }
                else if (!list.Contains(way, StringComparer.OrdinalIgnoreCase))
                {
                    list.Add(way);
                }
            }
        }

        return result.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal);
    }

    private static string Clean(string? text) => TextNormalizer.Normalize(text ?? string.Empty);

    private sealed class Context(string file, QuoteResolver resolver, List<KnowledgeProblem> problems, Dictionary<string, string> seen)
    {
        /// <summary>Validates one entry and adds it (shaped by <paramref name="complete"/>) when it has no problem.</summary>
        public void Add(List<Entry> entries, EntryDto dto, EntryKind kind, string? title, string? text, List<string>? phrasings, string titleField, string textField, Func<Entry, Entry>? complete = null)
        {
            var id = dto.Id?.Trim();
            var ok = CheckId(id, kind.ToString().ToLowerInvariant());
            ok &= Require(id, title, titleField);
            ok &= Require(id, text, textField);
            if (text is { Length: > MaxTextLength })
            {
                problems.Add(new KnowledgeProblem(file, id, null, $"'{textField}' is {text.Length} characters; keep it under {MaxTextLength}"));
                ok = false;
            }

            ok &= ResolveCitations(dto, id, out var citations);
            if (!ok)
            {
                return;
            }

            var cleanPhrasings = (phrasings ?? [])
                .Select(p => Clean(p))
                .Where(p => p.Length > 0)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
            var entry = new Entry(id!, kind, Clean(title), cleanPhrasings, Clean(text), citations, file);
            entries.Add(complete is null ? entry : complete(entry));
        }

        /// <summary>Checks the id's shape and that no other entry of any file has it.</summary>
        public bool CheckId(string? id, string what)
        {
            if (string.IsNullOrEmpty(id) || !IdPattern().IsMatch(id))
            {
                problems.Add(new KnowledgeProblem(file, id, null, $"a {what} needs an 'id' in lower-case kebab-case (got '{id}')"));
                return false;
            }

            if (!seen.TryAdd(id, file))
            {
                problems.Add(new KnowledgeProblem(file, id, null, $"the id is already used in {seen[id]}"));
                return false;
            }

            return true;
        }

        /// <summary>Resolves every <c>cite:</c> quote; false (with each problem reported) when any does not resolve.</summary>
        public bool ResolveCitations(EntryDto dto, string? id, out List<Citation> citations)
        {
            var ok = true;
            citations = [];
            if (dto.Cite is not { Count: > 0 })
            {
                problems.Add(new KnowledgeProblem(file, id, null, "every entry needs 'cite:' with at least one verbatim quote from the essay"));
                ok = false;
            }

            foreach (var quote in dto.Cite ?? [])
            {
                if (quote is { Length: > MaxQuoteLength })
                {
                    problems.Add(new KnowledgeProblem(file, id, Short(quote), $"the quote is {quote.Length} characters; keep it under {MaxQuoteLength}"));
                    ok = false;
                    continue;
                }

                var resolution = resolver.Resolve(quote);
                if (resolution.Citation is { } citation)
                {
                    citations.Add(citation);
                }
                else
                {
                    problems.Add(new KnowledgeProblem(file, id, quote, resolution.Problem!));
                    ok = false;
                }
            }

            return ok;
        }

        public void Report(string? id, string message) => problems.Add(new KnowledgeProblem(file, id, null, message));

        public bool Require(string? id, string? value, string field)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return true;
            }

            problems.Add(new KnowledgeProblem(file, id, null, $"'{field}' is missing or empty"));
            return false;
        }

        private static string Short(string quote) => quote.Length <= 80 ? quote : quote[..80] + "…";
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
