using CyberCode.Core.Answering;

namespace CyberCode.Core.Quizzes;

/// <summary>
/// Shows a channel's quizzes: the events that come from a timer or another person's answer, not
/// as the reply to the message being handled. Each channel registers one in DI
/// (<c>services.AddSingleton&lt;IQuizPresenter, MyPresenter&gt;()</c>), or attaches one at run time
/// with <see cref="QuizService.Attach"/>; a channel without one is told quizzes are not available.
/// </summary>
/// <remarks>
/// Calls for one quiz come one at a time, in order: question, reveal, question, …, scoreboard.
/// A presenter that throws is logged and the quiz goes on (scores are stored regardless), so a
/// platform outage loses a message, never a score.
/// </remarks>
public interface IQuizPresenter
{
    /// <summary>The <see cref="Incoming.Channel"/> it serves: <c>discord</c>, <c>teams</c>, <c>web</c>, <c>cli</c>.</summary>
    string Channel { get; }

    /// <summary>
    /// Posts a question with one button per choice (<see cref="QuizQuestionView.ButtonId"/>).
    /// Returns the channel's reference to the message (Discord message id, Teams activity id, …),
    /// which is stored with the quiz and given back in <see cref="QuizRevealView.MessageId"/>, even
    /// after a restart; null when the channel cannot edit messages.
    /// </summary>
    Task<string?> PostQuestionAsync(QuizQuestionView question, CancellationToken cancellationToken);

    /// <summary>Shows the right choice, the explanation, the quoted passage and who got it; edits the question's message when it can.</summary>
    Task RevealAsync(QuizRevealView reveal, CancellationToken cancellationToken);

    /// <summary>Posts the final scoreboard.</summary>
    Task PostScoreboardAsync(QuizScoreboardView scoreboard, CancellationToken cancellationToken);
}

/// <summary>Where a quiz's messages go.</summary>
/// <param name="SessionId">The quiz (8 characters).</param>
/// <param name="Place">Channel kind, server/team, conversation.</param>
/// <param name="ReplyTo">What the channel passed in <see cref="Incoming.ReplyTo"/> when the quiz started (e.g. a Teams conversation reference, a Discord interaction token).</param>
/// <param name="Mode">Group, solo (one person's conversation) or practice.</param>
/// <param name="Starter">Who started it.</param>
public sealed record QuizTarget(string SessionId, QuizPlace Place, string? ReplyTo, QuizMode Mode, QuizPlayer Starter)
{
    /// <summary>A practice round: show it to <see cref="Starter"/> only (ephemeral on Discord).</summary>
    public bool Private => Mode == QuizMode.Practice;
}

/// <summary>A question to post.</summary>
/// <param name="Number">1-based.</param>
/// <param name="Count">Questions in the quiz.</param>
/// <param name="Choices">In order; choice numbers are 1-based.</param>
/// <param name="Deadline">When time is up.</param>
public sealed record QuizQuestionView(
    QuizTarget Target,
    int Number,
    int Count,
    string ItemId,
    string Topic,
    string Question,
    IReadOnlyList<string> Choices,
    DateTimeOffset Deadline,
    int AnswerSeconds)
{
    /// <summary>What the button of a choice (1-based) carries: see <see cref="QuizButton"/>.</summary>
    public string ButtonId(int choice) => QuizButton.Encode(Target.SessionId, Number, choice);
}

/// <summary>A question's reveal.</summary>
/// <param name="MessageId">What <see cref="IQuizPresenter.PostQuestionAsync"/> returned for this question, if anything.</param>
/// <param name="Correct">The right choice, 1-based.</param>
/// <param name="Right">Who got it, fastest first, with the points each won.</param>
/// <param name="Wrong">Who answered otherwise.</param>
/// <param name="ChoiceCounts">How many picked each choice, in choice order.</param>
public sealed record QuizRevealView(
    QuizTarget Target,
    QuizQuestionView Question,
    string? MessageId,
    int Correct,
    string Explanation,
    IReadOnlyList<AnswerCitation> Citations,
    IReadOnlyList<QuizScoreLine> Right,
    IReadOnlyList<QuizPlayer> Wrong,
    IReadOnlyList<int> ChoiceCounts)
{
    /// <summary>Whether another question follows.</summary>
    public bool More { get; init; }
}

/// <summary>The scores of a quiz: final when <see cref="End"/> is set, else so far.</summary>
/// <param name="Asked">Questions asked so far.</param>
public sealed record QuizScoreboardView(QuizTarget Target, IReadOnlyList<QuizScoreLine> Lines, int Asked, int Count, QuizEnd? End);

/// <summary>One player's line: rank (shared on a tie), points, right answers out of answered.</summary>
public sealed record QuizScoreLine(int Rank, QuizPlayer Player, int Points, int Correct, int Answered);
