namespace CyberCode.Core.Answering.Semantic;

/// <summary>
/// What the answering engine needs of matching by meaning: the shared <see cref="SemanticMatcher"/>,
/// or a scope's view of it with the scope's own entries added (see <see cref="ScopedSemantic"/>).
/// </summary>
internal interface ISemanticScorer
{
    SemanticState State { get; }

    SemanticScores? Match(string question);

    void ForgetQuestions();
}
