using System.CommandLine;

namespace CyberCode.Bot.Cli;

internal static partial class Verbs
{
    private static Command DiscordVerb(Io io)
    {
        ArgumentNullException.ThrowIfNull(io);
        return new Command("discord", "Work with the Discord channel.");
    }
}
