namespace CyberCode.Core.Learning;

/// <summary>
/// "Helpful" or "not helpful" on one answer, from any channel.
/// </summary>
/// <param name="Question">The question the answer was for, as typed.</param>
/// <param name="Helpful">True for helpful.</param>
/// <param name="Channel">Where: <c>cli</c>, <c>web</c>, <c>discord</c>, <c>teams</c>.</param>
/// <param name="UserId">Who, when known.</param>
/// <param name="ScopeId">The server or tenant, when any.</param>
/// <param name="EntryId">The entry the answer came from, when it came from one.</param>
/// <param name="AnswerKind">The kind of the answer judged.</param>
public sealed record Feedback(
    string Question,
    bool Helpful,
    string Channel,
    string? UserId = null,
    string? ScopeId = null,
    string? EntryId = null,
    string? AnswerKind = null);
