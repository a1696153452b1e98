using CyberCode.Core;
using CyberCode.Core.Quizzes;

namespace CyberCode.Bot.Cli;

/// <summary>
/// An interactive conversation in the terminal: a question a line, the answer with its quotes;
/// a number answers the open quiz question, or else picks one of the last suggestions;
/// "quit", "exit" or end of input ends it (and a quiz still running, with its results).
/// </summary>
internal sealed class ChatSession(BotEngine bot, TextReader input, TextWriter output, bool interactive)
{
    /// <summary>One terminal is one conversation: the place of its quizzes.</summary>
    private const string Conversation = "terminal";

    // The quiz timer writes from another thread; this keeps its lines and the loop's apart.
    private readonly Lock _writeGate = new();

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var presenter = bot.Quizzes.Attach(new CliQuizPresenter(output, _writeGate));
        if (interactive)
        {
            Write("CyberCode: ask me about \"The International Cyber Security Code\" (Xiaotong Liu, 2017)." + Environment.NewLine);
            Write("Try \"define cyber sovereignty\", \"what changed in 2015\", \"timeline\", \"quiz\" or \"help\". Type \"quit\" to leave." + Environment.NewLine);
        }

        IReadOnlyList<string> lastSuggestions = [];
        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive)
            {
                Write(Environment.NewLine + "> ");
            }

            string? line;
            try
            {
                line = await input.ReadLineAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (line is null)
            {
                break;
            }

            var text = line.Trim();
            if (text is "quit" or "exit" or "bye" or "/quit" or "/exit")
            {
                break;
            }

            if (int.TryParse(text, out var pick) && !bot.Quizzes.HasOpenQuestion(Incoming(text)))
            {
                if (pick < 1 || pick > lastSuggestions.Count)
                {
                    Write((lastSuggestions.Count == 0
                        ? "There is no list to pick from. Ask a question, or type \"help\"."
                        : $"Pick a number from 1 to {lastSuggestions.Count}, or ask a question.") + Environment.NewLine);
                    continue;
                }

                text = lastSuggestions[pick - 1];
                Write($"({text})" + Environment.NewLine);
            }

            var reply = await bot.HandleAsync(Incoming(text), cancellationToken);
            if (reply.Quiz is { } quiz)
            {
                // A start, a stop and an accepted answer were already shown by the presenter.
                if (quiz.Kind is not (QuizReplyKind.Started or QuizReplyKind.Stopped)
                    && quiz.AnswerResult?.Status is not QuizAnswerStatus.Accepted)
                {
                    Write(quiz.Text + Environment.NewLine);
                }

                continue;
            }

            lastSuggestions = reply.Answer.Suggestions;
            Write(ConsoleRenderer.Render(reply.Answer));
        }

        // Leaving ends the quiz (and a practice round) with its results, rather than leave them running for nobody.
        for (var i = 0; i < 2 && (bot.Quizzes.IsRunning(Incoming(string.Empty).Place) || bot.Quizzes.HasOpenQuestion(Incoming(string.Empty))); i++)
        {
            await bot.HandleAsync(Incoming("quiz stop"), CancellationToken.None);
        }

        if (interactive)
        {
            Write("Bye." + Environment.NewLine);
        }

        return 0;
    }

    private static Incoming Incoming(string text) => new(text, CliQuizPresenter.ChannelName, Environment.UserName)
    {
        ConversationId = Conversation,
        UserName = Environment.UserName,
        IsDirect = true,

        // Whoever runs the terminal owns this copy of the bot.
        IsModerator = true,
    };

    private void Write(string text)
    {
        lock (_writeGate)
        {
            output.Write(text);
            output.Flush();
        }
    }
}
