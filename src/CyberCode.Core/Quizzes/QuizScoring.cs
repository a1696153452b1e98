namespace CyberCode.Core.Quizzes;

/// <summary>Points and rankings.</summary>
public static class QuizScoring
{
    /// <summary>Points for a right answer, however late.</summary>
    public const int RightPoints = 10;

    /// <summary>The most extra points for speed: all of them at once, none at the deadline.</summary>
    public const int MaxSpeedBonus = 5;

    /// <summary>
    /// 10 for a right answer plus up to 5 for speed, falling linearly over the answer time, so
    /// being right always matters more than being quick; 0 for a wrong one.
    /// </summary>
    public static int Points(bool correct, DateTimeOffset openedAt, DateTimeOffset deadline, DateTimeOffset at)
    {
        if (!correct)
        {
            return 0;
        }

        var total = (deadline - openedAt).TotalMilliseconds;
        var left = Math.Clamp((deadline - at).TotalMilliseconds, 0, total);
        return RightPoints + (total <= 0 ? 0 : (int)Math.Round(MaxSpeedBonus * left / total, MidpointRounding.AwayFromZero));
    }

    /// <summary>Each player's results in one quiz.</summary>
    public static IReadOnlyList<QuizPlayerResult> Results(IEnumerable<QuizAnswer> answers) =>
        [.. answers.GroupBy(a => a.Player.Id, StringComparer.Ordinal)
            .Select(g => new QuizPlayerResult(g.Last().Player, g.Sum(a => a.Points), g.Count(), g.Count(a => a.Correct)))];

    /// <summary>
    /// Points first, then right answers; equal on both shares a rank (a tie is a tie: being quick
    /// is already in the points), listed by name.
    /// </summary>
    public static IReadOnlyList<QuizScoreLine> Scoreboard(IEnumerable<QuizPlayerResult> results)
    {
        var ordered = results
            .OrderByDescending(r => r.Points)
            .ThenByDescending(r => r.Correct)
            .ThenBy(r => r.Player.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Player.Id, StringComparer.Ordinal)
            .ToList();
        var lines = new List<QuizScoreLine>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            var rank = i > 0 && ordered[i - 1].Points == r.Points && ordered[i - 1].Correct == r.Correct ? lines[i - 1].Rank : i + 1;
            lines.Add(new QuizScoreLine(rank, r.Player, r.Points, r.Correct, r.Answered));
        }

        return lines;
    }

    /// <summary>Leaderboard order: points, then accuracy, then quizzes played, then name.</summary>
    public static IEnumerable<QuizStanding> Rank(IEnumerable<QuizStanding> standings) =>
        standings
            .OrderByDescending(s => s.Points)
            .ThenByDescending(s => s.Accuracy)
            .ThenByDescending(s => s.Quizzes)
            .ThenBy(s => s.Player.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Player.Id, StringComparer.Ordinal);
}
