using System.Globalization;
using System.Text;

namespace CyberCode.Core.Quizzes;

/// <summary>
/// Plain-text renderings of quiz views: what the CLI prints, and what a channel that does not
/// render quizzes richly shows. Numbers, not letters, so a typed "2" matches what is shown.
/// </summary>
public static class QuizText
{
    public static string Question(QuizQuestionView q)
    {
        ArgumentNullException.ThrowIfNull(q);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Question {q.Number} of {q.Count}");
        if (!string.IsNullOrEmpty(q.Topic))
        {
            sb.Append(CultureInfo.InvariantCulture, $" \u00b7 {q.Topic}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $" \u00b7 {q.AnswerSeconds} s");
        sb.AppendLine(q.Question);
        for (var i = 0; i < q.Choices.Count; i++)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1}. {q.Choices[i]}");
        }

        return sb.ToString().TrimEnd();
    }

    public static string Reveal(QuizRevealView r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Answer to question {r.Question.Number}: {r.Correct}. {r.Question.Choices[r.Correct - 1]}");
        sb.AppendLine(r.Explanation);
        foreach (var c in r.Citations)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  > \"{c.Quote}\"");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    \u2014 {c.PassageId}, {c.Section}");
        }

        sb.AppendLine(Who(r));
        return sb.ToString().TrimEnd();
    }

    /// <summary>"Right: Ana (+14), Ben (+11). Wrong: Cy." — or, in a solo quiz, a word to the player.</summary>
    public static string Who(QuizRevealView r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Target.Mode != QuizMode.Group)
        {
            return r.Right.Count > 0 ? $"Right! +{r.Right[0].Points} points."
                : r.Wrong.Count > 0 ? "Not this time."
                : "Time is up: no answer.";
        }

        if (r.Right.Count == 0 && r.Wrong.Count == 0)
        {
            return "Nobody answered.";
        }

        var right = r.Right.Count == 0 ? "Nobody got it." : "Right: " + string.Join(", ", r.Right.Select(l => $"{l.Player.Name} (+{l.Points})")) + ".";
        return r.Wrong.Count == 0 ? right : right + " Wrong: " + string.Join(", ", r.Wrong.Select(p => p.Name)) + ".";
    }

    public static string Scoreboard(QuizScoreboardView s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var sb = new StringBuilder();
        sb.AppendLine(s.End switch
        {
            null => $"Scores after {s.Asked} of {s.Count} questions:",
            QuizEnd.Completed => $"Final scores ({s.Count} questions):",
            QuizEnd.Stopped => $"Quiz stopped after {s.Asked} of {s.Count} questions. Final scores:",
            QuizEnd.Abandoned => $"Quiz ended: nobody answered the last questions. Final scores after {s.Asked} of {s.Count}:",
            _ => $"Quiz closed after a restart. Final scores after {s.Asked} of {s.Count} questions:",
        });
        if (s.Lines.Count == 0)
        {
            sb.AppendLine("  No answers.");
        }

        foreach (var l in s.Lines)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {l.Rank}. {l.Player.Name}: {l.Points} points, {l.Correct} of {l.Answered} right");
        }

        return sb.ToString().TrimEnd();
    }

    public static string Leaderboard(IReadOnlyList<QuizStanding> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return "No quiz has finished here yet. Start one with \"quiz start\".";
        }

        var sb = new StringBuilder("Leaderboard:").AppendLine();
        for (var i = 0; i < rows.Count; i++)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1}. {Standing(rows[i])}");
        }

        return sb.ToString().TrimEnd();
    }

    public static string Standing(QuizStanding s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return string.Create(CultureInfo.InvariantCulture, $"{s.Player.Name}: {s.Points} points, {s.Quizzes} {(s.Quizzes == 1 ? "quiz" : "quizzes")}, {s.Accuracy:0%} right ({s.Correct} of {s.Answered})");
    }
}
