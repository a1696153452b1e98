using System.Text.Json;
using System.Text.Json.Serialization;
using CyberCode.Bot.Contract;
using CyberCode.Core.Answering;
using CyberCode.Core.Quizzes;

namespace CyberCode.Bot.Web.Quiz;

/// <summary>
/// The <c>quiz</c> object that <c>POST /api/ask</c> adds to the answer when the message was a quiz
/// command: what kind of reply it is, its plain text (also the answer's <c>text</c>), and what a page
/// needs to render it richly.
/// </summary>
internal sealed record QuizReplyJson(
    string Kind,
    string Text,
    bool Private,
    string? SessionId,
    QuizScoreboardJson? Scoreboard,
    IReadOnlyList<QuizStandingJson> Standings,
    IReadOnlyList<string> Topics,
    QuizAnswerJson? AnswerResult)
{
    public static QuizReplyJson From(QuizReply reply) => new(
        QuizJson.Name(reply.Kind),
        reply.Text,
        reply.Private,
        reply.SessionId,
        reply.Scoreboard is { } board ? QuizScoreboardJson.From(board) : null,
        [.. reply.Standings.Select((s, i) => QuizStandingJson.From(i + 1, s))],
        reply.Topics,
        reply.AnswerResult is { } result ? QuizAnswerJson.From(result) : null);
}

/// <summary>The body of <c>POST /api/quiz/answer</c>'s response, and a typed answer's <c>answerResult</c>.</summary>
internal sealed record QuizAnswerJson(string Status, string Message)
{
    public static QuizAnswerJson From(QuizAnswerResult result) => new(QuizJson.Name(result.Status), result.Message);
}

/// <summary>A leaderboard or stats row.</summary>
internal sealed record QuizStandingJson(int Rank, string Name, int Points, int Quizzes, int Answered, int Correct, double Accuracy)
{
    public static QuizStandingJson From(int rank, QuizStanding s) =>
        new(rank, s.Player.Name, s.Points, s.Quizzes, s.Answered, s.Correct, Math.Round(s.Accuracy, 3));
}

/// <summary>Scores of a quiz: final when <see cref="End"/> is set (completed, stopped, abandoned, expired), else so far.</summary>
internal sealed record QuizScoreboardJson(string? End, int Asked, int Count, IReadOnlyList<QuizScoreLineJson> Lines, string Text)
{
    public static QuizScoreboardJson From(QuizScoreboardView board) => new(
        board.End is { } end ? QuizJson.Name(end) : null,
        board.Asked,
        board.Count,
        [.. board.Lines.Select(QuizScoreLineJson.From)],
        QuizText.Scoreboard(board));
}

internal sealed record QuizScoreLineJson(int Rank, string Name, int Points, int Correct, int Answered)
{
    public static QuizScoreLineJson From(QuizScoreLine line) => new(line.Rank, line.Player.Name, line.Points, line.Correct, line.Answered);
}

/// <summary>The body of <c>GET /api/quiz/events</c>.</summary>
/// <param name="Last">The <see cref="QuizEventJson.Seq"/> to pass as <c>after</c> next time.</param>
/// <param name="Running">Whether a quiz is still going on in this conversation (its last event is not a scoreboard).</param>
/// <param name="ServerTime">Now on the server, so a page can count down to a deadline whatever its own clock says.</param>
internal sealed record QuizEventsJson(IReadOnlyList<QuizEventJson> Events, long Last, bool Running, DateTimeOffset ServerTime);

/// <summary>
/// One event of a conversation's quiz feed. <see cref="Type"/> says which of
/// <see cref="Question"/>, <see cref="Reveal"/> and <see cref="Scoreboard"/> is set.
/// </summary>
internal sealed record QuizEventJson(long Seq, string Type, string SessionId, DateTimeOffset At)
{
    public const string QuestionType = "question";
    public const string RevealType = "reveal";
    public const string ScoreboardType = "scoreboard";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public QuizQuestionJson? Question { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public QuizRevealJson? Reveal { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public QuizScoreboardJson? Scoreboard { get; init; }
}

/// <param name="Number">1-based.</param>
/// <param name="Choices">In order; choice numbers are 1-based.</param>
/// <param name="Deadline">When time is up, on the server's clock.</param>
internal sealed record QuizQuestionJson(
    int Number,
    int Count,
    string Topic,
    string Text,
    IReadOnlyList<string> Choices,
    DateTimeOffset Deadline,
    int AnswerSeconds,
    string Mode)
{
    public static QuizQuestionJson From(QuizQuestionView q) =>
        new(q.Number, q.Count, q.Topic, q.Question, q.Choices, q.Deadline, q.AnswerSeconds, QuizJson.Name(q.Target.Mode));
}

/// <param name="Text">The question again, with <paramref name="Choices"/>, so a page that missed it can still show the reveal whole.</param>
/// <param name="Correct">The right choice, 1-based.</param>
/// <param name="Who">One line on who got it ("Right! +14 points.", "Right: Ana (+14). Wrong: Ben.").</param>
/// <param name="Counts">How many picked each choice, in choice order.</param>
/// <param name="More">Whether another question follows.</param>
internal sealed record QuizRevealJson(
    int Number,
    int Count,
    string Text,
    IReadOnlyList<string> Choices,
    int Correct,
    string CorrectText,
    string Explanation,
    IReadOnlyList<CitationJson> Citations,
    IReadOnlyList<QuizRevealLineJson> Right,
    IReadOnlyList<string> Wrong,
    IReadOnlyList<int> Counts,
    string Who,
    bool More)
{
    public static QuizRevealJson From(QuizRevealView r) => new(
        r.Question.Number,
        r.Question.Count,
        r.Question.Question,
        r.Question.Choices,
        r.Correct,
        r.Correct >= 1 && r.Correct <= r.Question.Choices.Count ? r.Question.Choices[r.Correct - 1] : string.Empty,
        r.Explanation,
        [.. r.Citations.Select(Citation)],
        [.. r.Right.Select(l => new QuizRevealLineJson(l.Player.Name, l.Points))],
        [.. r.Wrong.Select(p => p.Name)],
        r.ChoiceCounts,
        QuizText.Who(r),
        r.More);

    private static CitationJson Citation(AnswerCitation c) => new(c.PassageId, c.Section, c.Quote, c.PassageText);
}

internal sealed record QuizRevealLineJson(string Name, int Points);

internal static class QuizJson
{
    /// <summary>An enum value as the API spells it: camelCase (<c>alreadyAnswered</c>, <c>started</c>).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
