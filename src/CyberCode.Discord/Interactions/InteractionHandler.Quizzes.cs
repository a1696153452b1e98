using CyberCode.Core.Quizzes;
using CyberCode.Discord.Quizzes;
using CyberCode.Discord.Rendering;

namespace CyberCode.Discord.Interactions;

internal sealed partial class InteractionHandler
{
    /// <summary>
    /// A choice button: the engine stores the answer and says privately what became of it. When
    /// it was the last answer awaited, the reveal and the next question are sent before it returns,
    /// so it gets the same budget (and deferral) as an answer.
    /// </summary>
    private Task<InteractionOutcome> QuizAnswerAsync(string customId, Who who, CancellationToken cancellationToken)
    {
        if (!QuizButton.TryParse(customId, out var session, out var question, out var choice))
        {
            return Task.FromResult(Now(AnswerRenderer.Notice("This button belongs to an older quiz. Start a new one with /quiz start.")));
        }

        var player = who.ToIncoming(string.Empty).Player;
        return WithinBudgetAsync(
            async () =>
            {
                try
                {
                    var result = await bot.Quizzes.SubmitAsync(new QuizClick(DiscordQuizPresenter.ChannelName, session, question, choice, player), cancellationToken);
                    return AnswerRenderer.Notice(result.Message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogAnswerFailed(logger, ex);
                    return AnswerRenderer.Notice("Sorry, your answer could not be taken. Please press the button again.");
                }
            },
            ephemeral: true,
            cancellationToken);
    }
}
