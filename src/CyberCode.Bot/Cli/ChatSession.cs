using CyberCode.Core;

namespace CyberCode.Bot.Cli;

/// <summary>
/// An interactive conversation in the terminal: a question a line, the answer with its quotes;
/// a number picks one of the last suggestions; "quit", "exit" or end of input ends it.
/// </summary>
internal sealed class ChatSession(BotEngine bot, TextReader input, TextWriter output, bool interactive)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (interactive)
        {
            await output.WriteLineAsync("CyberCode: ask me about \"The International Cyber Security Code\" (Xiaotong Liu, 2017).");
            await output.WriteLineAsync("Try \"define cyber sovereignty\", \"what changed in 2015\", \"timeline\" or \"help\". Type \"quit\" to leave.");
        }

        IReadOnlyList<string> lastSuggestions = [];
        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive)
            {
                await output.WriteAsync(Environment.NewLine + "> ");
                await output.FlushAsync(cancellationToken);
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

            if (int.TryParse(text, out var pick))
            {
                if (pick < 1 || pick > lastSuggestions.Count)
                {
                    await output.WriteLineAsync(lastSuggestions.Count == 0
                        ? "There is no list to pick from. Ask a question, or type \"help\"."
                        : $"Pick a number from 1 to {lastSuggestions.Count}, or ask a question.");
                    continue;
                }

                text = lastSuggestions[pick - 1];
                await output.WriteLineAsync($"({text})");
            }

            var reply = await bot.HandleAsync(new Incoming(text, "cli", Environment.UserName), cancellationToken);
            lastSuggestions = reply.Answer.Suggestions;
            await output.WriteAsync(ConsoleRenderer.Render(reply.Answer));
        }

        if (interactive)
        {
            await output.WriteLineAsync("Bye.");
        }

        return 0;
    }
}
