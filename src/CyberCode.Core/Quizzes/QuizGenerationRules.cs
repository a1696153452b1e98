namespace CyberCode.Core.Quizzes;

/// <summary>
/// Which glossary terms and timeline events become generated quiz items, from <c>generate:</c> in
/// <c>knowledge/quiz.yaml</c>. Kinds keep wrong choices plausible (a body is offered against other
/// bodies, an idea against other ideas); the judgement of what is too close to be a fair wrong
/// choice, or too loosely dated to ask about, is data a reviewer can see, not code.
/// </summary>
/// <param name="TermKinds">Glossary entry id → kind; terms without a kind are not quizzed.</param>
/// <param name="TooClose">Groups of term ids that never appear as each other's wrong choice.</param>
/// <param name="SkipEvents">Timeline entry ids not asked about (the essay's dating is loose or inferred).</param>
public sealed record QuizGenerationRules(
    IReadOnlyDictionary<string, string> TermKinds,
    IReadOnlyList<IReadOnlySet<string>> TooClose,
    IReadOnlySet<string> SkipEvents)
{
    /// <summary>No terms quizzed and no events skipped.</summary>
    public static QuizGenerationRules None { get; } = new(
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
        [],
        new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    public bool AreTooClose(string a, string b) => TooClose.Any(g => g.Contains(a) && g.Contains(b));
}
