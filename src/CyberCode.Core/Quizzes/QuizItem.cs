using CyberCode.Core.Knowledge;

namespace CyberCode.Core.Quizzes;

/// <summary>
/// One multiple-choice question: 3–4 choices, exactly one right, an explanation, and the quoted
/// passage(s) that settle it. Curated in <c>knowledge/quiz.yaml</c> or generated from the glossary
/// and the timeline (<see cref="Origin"/>).
/// </summary>
/// <param name="Id">Stable id, e.g. <c>quiz-treaty-impossible</c> or <c>gen-term-cyber-sovereignty</c>.</param>
/// <param name="Topic">A short lower-case topic people can pick, e.g. <c>sovereignty</c>, <c>timeline</c>.</param>
/// <param name="Question">The question as shown.</param>
/// <param name="Choices">The choices as shown, in order.</param>
/// <param name="Correct">Index into <paramref name="Choices"/> of the right one.</param>
/// <param name="Explanation">One line: why that choice is right.</param>
/// <param name="Citations">Resolved quotes, most direct first.</param>
/// <param name="Origin">Where the item comes from.</param>
public sealed record QuizItem(
    string Id,
    string Topic,
    string Question,
    IReadOnlyList<string> Choices,
    int Correct,
    string Explanation,
    IReadOnlyList<Citation> Citations,
    QuizOrigin Origin);

/// <summary>Where a quiz item comes from.</summary>
public enum QuizOrigin
{
    Curated,
    Glossary,
    Timeline,
}
