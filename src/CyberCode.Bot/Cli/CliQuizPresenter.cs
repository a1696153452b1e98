using CyberCode.Core.Quizzes;

namespace CyberCode.Bot.Cli;

/// <summary>
/// Shows the quiz of a terminal chat: questions with numbered choices, reveals with the quoted
/// passage, the final scoreboard. Reveals may come from the timer while the loop waits for a line,
/// so every write takes the same lock as the loop's own.
/// </summary>
internal sealed class CliQuizPresenter(TextWriter output, Lock writeGate) : IQuizPresenter
{
    public const string ChannelName = "cli";

    public string Channel => ChannelName;

    public Task<string?> PostQuestionAsync(QuizQuestionView question, CancellationToken cancellationToken)
    {
        Write(ConsoleRenderer.RenderQuestion(question));
        return Task.FromResult<string?>(null);
    }

    public Task RevealAsync(QuizRevealView reveal, CancellationToken cancellationToken)
    {
        Write(ConsoleRenderer.RenderReveal(reveal));
        return Task.CompletedTask;
    }

    public Task PostScoreboardAsync(QuizScoreboardView scoreboard, CancellationToken cancellationToken)
    {
        Write(ConsoleRenderer.RenderScoreboard(scoreboard));
        return Task.CompletedTask;
    }

    private void Write(string text)
    {
        lock (writeGate)
        {
            output.Write(Environment.NewLine + text);
            output.Flush();
        }
    }
}
