namespace CyberCode.Core.Knowledge;

/// <summary>The essay and the curated entries that rest on it, all quotes resolved.</summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<string, Entry> _byId;

    public KnowledgeBase(Essay essay, IReadOnlyList<Entry> entries, IReadOnlyList<IReadOnlyList<string>> synonyms, IReadOnlySet<string> filler)
    {
        Essay = essay;
        Entries = entries;
        Synonyms = synonyms;
        Filler = filler;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.OrdinalIgnoreCase);
    }

    public Essay Essay { get; }
    public IReadOnlyList<Entry> Entries { get; }

    /// <summary>Groups of words or phrases that mean the same to a reader of the essay.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Synonyms { get; }

    /// <summary>Words people put in questions that carry no topic ("deal", "explain", "essay").</summary>
    public IReadOnlySet<string> Filler { get; }

    /// <summary>The curated multiple-choice items of <c>quiz.yaml</c>, quotes resolved (generated ones are added by <see cref="Quizzes.QuizBank"/>).</summary>
    public IReadOnlyList<Quizzes.QuizItem> QuizItems { get; init; } = [];

    /// <summary>Which glossary terms and timeline events <see cref="Quizzes.QuizBank"/> turns into quiz items (<c>generate:</c> in quiz.yaml).</summary>
    public Quizzes.QuizGenerationRules QuizGeneration { get; init; } = Quizzes.QuizGenerationRules.None;

    /// <summary>
    /// Ways of asking for an entry, by entry id, that only teach the semantic classifier
    /// (<c>training:</c> in <c>training.yaml</c>): unlike <see cref="Entry.Phrasings"/> they are not
    /// matched against a question by words or by closeness (see knowledge/SCHEMA.md for why).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Training { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public Entry? Find(string id) => _byId.GetValueOrDefault(id);

    public IEnumerable<Entry> OfKind(EntryKind kind) => Entries.Where(e => e.Kind == kind);
}

/// <summary>One thing wrong with the knowledge files, located precisely enough to fix.</summary>
public sealed record KnowledgeProblem(string File, string? EntryId, string? Quote, string Message)
{
    public override string ToString()
    {
        var where = EntryId is null ? File : $"{File}, entry '{EntryId}'";
        return Quote is null ? $"{where}: {Message}" : $"{where}, quote \"{Quote}\": {Message}";
    }
}

/// <summary>Thrown when the knowledge does not validate; the message lists every problem.</summary>
public sealed class KnowledgeValidationException : Exception
{
    public KnowledgeValidationException(IReadOnlyList<KnowledgeProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public KnowledgeValidationException()
        : this([])
    {
    }

    public KnowledgeValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    public KnowledgeValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    public IReadOnlyList<KnowledgeProblem> Problems { get; }

    private static string Describe(IReadOnlyList<KnowledgeProblem> problems) =>
        $"The knowledge base has {problems.Count} problem(s):" + Environment.NewLine +
        string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
