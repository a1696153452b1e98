using System.Globalization;
using System.Text;
using CyberCode.Core.Answering;
using CyberCode.Core.Quizzes;

namespace CyberCode.Bot.Cli;

/// <summary>Renders an answer for a person reading a terminal: answer first, then the quotes with their ids.</summary>
internal static class ConsoleRenderer
{
    private const int Width = 96;

    public static string Render(Answer answer)
    {
        var sb = new StringBuilder();
        if (answer.Title is { Length: > 0 } title && answer.Answered)
        {
            sb.AppendLine(title);
            sb.AppendLine();
        }

        foreach (var line in answer.Text.Split('\n'))
        {
            Wrap(sb, line, line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("  ", StringComparison.Ordinal) ? "    " : string.Empty);
        }

        if (answer.Kind == AnswerKinds.Source && answer.Citations.Count == 1)
        {
            // The text is the passage itself; say where it stands.
            sb.AppendLine(CultureInfo.InvariantCulture, $"    \u2014 {answer.Citations[0].PassageId}, {answer.Citations[0].Section}");
        }
        else if (answer.Kind is AnswerKinds.Timeline or AnswerKinds.Changes or AnswerKinds.Notes or AnswerKinds.Section)
        {
            // Lists name their passage on every line; the quotes would repeat them.
            sb.AppendLine();
            sb.AppendLine("Sources: " + string.Join(", ", answer.Citations.Select(c => c.PassageId)) + " (type \"source ID\" to read one)");
        }
        else if (answer.Citations.Count > 0)
        {
            sb.AppendLine();
            foreach (var c in answer.Citations)
            {
                Wrap(sb, c.Quote, "  > ", "  > ");
                sb.AppendLine(CultureInfo.InvariantCulture, $"    \u2014 {c.PassageId}, {c.Section}");
            }
        }

        if (answer.Suggestions.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(answer.Kind == AnswerKinds.Suggestions ? "Did you mean:" : "Try:");
            for (var i = 0; i < answer.Suggestions.Count; i++)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {i + 1}. {answer.Suggestions[i]}");
            }
        }

        if (answer.Answered && answer.Confidence < 1)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"(confidence {answer.Confidence:0.00})");
        }

        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>A quiz question with its choices numbered, as the player answers them.</summary>
    public static string RenderQuestion(QuizQuestionView question)
    {
        var sb = new StringBuilder();
        foreach (var line in QuizText.Question(question).Split('\n'))
        {
            // Choices come indented; a long one wraps under its own text.
            var indented = line.StartsWith("  ", StringComparison.Ordinal);
            Wrap(sb, line.Trim(), indented ? "     " : string.Empty, indented ? "  " : string.Empty);
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"Type 1-{question.Choices.Count}.");
        return sb.ToString();
    }

    /// <summary>The right choice, why, the quoted passage with its id, and how the player did.</summary>
    public static string RenderReveal(QuizRevealView reveal)
    {
        var sb = new StringBuilder();
        var mark = reveal.Right.Count > 0 ? "\u2713" : "\u2717";
        sb.AppendLine(CultureInfo.InvariantCulture, $"{mark} {QuizText.Who(reveal)} The answer is {reveal.Correct}. {reveal.Question.Choices[reveal.Correct - 1]}");
        Wrap(sb, reveal.Explanation, string.Empty);
        foreach (var c in reveal.Citations)
        {
            Wrap(sb, c.Quote, "  > ", "  > ");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    \u2014 {c.PassageId}, {c.Section}");
        }

        return sb.ToString();
    }

    public static string RenderScoreboard(QuizScoreboardView scoreboard) =>
        QuizText.Scoreboard(scoreboard) + Environment.NewLine;

    private static void Wrap(StringBuilder sb, string text, string indent, string? firstIndent = null)
    {
        var line = new StringBuilder(firstIndent ?? string.Empty);
        var lineStart = line.Length;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > lineStart && line.Length + 1 + word.Length > Width)
            {
                sb.AppendLine(line.ToString());
                line.Clear().Append(indent);
                lineStart = line.Length;
            }

            if (line.Length > lineStart)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        sb.AppendLine(line.ToString());
    }
}
