using System.CommandLine;

namespace CyberCode.Bot.Cli;

internal static partial class Verbs
{
    private static Command TeamsVerb(Io io)
    {
        ArgumentNullException.ThrowIfNull(io);
        return new Command("teams", "Work with the Teams channel.");
    }
}
