using System.ComponentModel.DataAnnotations;

namespace CyberCode.Core.Quizzes;

/// <summary>The <c>Quiz</c> section of <c>appsettings.json</c>.</summary>
public sealed class QuizOptions
{
    public const string Section = "Quiz";

    /// <summary>The fewest and most questions a quiz may have (<c>quiz start N</c>).</summary>
    public const int MinQuestions = 3;

    /// <inheritdoc cref="MinQuestions"/>
    public const int MaxQuestions = 20;

    /// <summary>Seconds to answer a question, unless a moderator set another value for the server.</summary>
    [Range(QuizSettings.MinSeconds, QuizSettings.MaxSeconds, ErrorMessage = "Quiz:AnswerSeconds must be between 10 and 300.")]
    public int AnswerSeconds { get; set; } = 30;

    /// <summary>Questions in a quiz when <c>quiz start</c> names no number.</summary>
    [Range(MinQuestions, MaxQuestions, ErrorMessage = "Quiz:DefaultQuestions must be between 3 and 20.")]
    public int DefaultQuestions { get; set; } = 5;

    /// <summary>How many of the items last asked in a conversation a new quiz there avoids.</summary>
    [Range(0, 1000, ErrorMessage = "Quiz:RecentToAvoid must be between 0 and 1000.")]
    public int RecentToAvoid { get; set; } = 30;

    /// <summary>A quiz ends by itself after this many questions in a row that nobody answered: everyone has left.</summary>
    [Range(1, 20, ErrorMessage = "Quiz:EndAfterUnansweredQuestions must be between 1 and 20.")]
    public int EndAfterUnansweredQuestions { get; set; } = 2;

    /// <summary>
    /// After a restart, a quiz whose open question ran out more than this many minutes ago is
    /// closed with its results rather than carried on: its players have gone.
    /// </summary>
    [Range(1, 1440, ErrorMessage = "Quiz:ResumeWithinMinutes must be between 1 and 1440.")]
    public int ResumeWithinMinutes { get; set; } = 10;

    /// <summary>Rows of the <c>leaderboard</c>.</summary>
    [Range(3, 50, ErrorMessage = "Quiz:LeaderboardSize must be between 3 and 50.")]
    public int LeaderboardSize { get; set; } = 10;
}
