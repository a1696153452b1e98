using CyberCode.Core.Answering;

namespace CyberCode.Core;

/// <summary>
/// The single entry point every channel calls: an <see cref="Incoming"/> message in, a
/// <see cref="Reply"/> out. Today it answers questions; quizzes and moderation join it here.
/// </summary>
public sealed class BotEngine(AnswerEngine answers)
{
    public Task<Reply> HandleAsync(Incoming incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new Reply(answers.Ask(incoming.Text)));
    }
}
