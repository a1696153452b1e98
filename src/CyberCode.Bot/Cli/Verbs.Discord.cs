using System.CommandLine;
using CyberCode.Discord.Interactions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CyberCode.Bot.Cli;

internal static partial class Verbs
{
    private static Command DiscordVerb(Io io)
    {
        var guild = new Option<string>("--guild") { Description = "Register in this server only (its id): the commands appear at once, for testing. Without it they are registered globally." };
        var register = new Command("register", "Register the slash commands (/ask, /define, /changes, /timeline, /source, /help) with Discord, replacing the application's current ones.") { guild };
        register.SetAction(async (result, ct) =>
        {
            // Only the configuration is needed: no knowledge, no database.
            using var host = CliHost.Build([]);
            var configuration = host.Services.GetRequiredService<IConfiguration>();
            try
            {
                return await CommandRegistration.RunAsync(configuration, result.GetValue(guild), io.Out, io.Error, ct);
            }
            catch (OperationCanceledException)
            {
                return 130;
            }
        });
        return new Command("discord", "Work with the Discord channel.") { register };
    }
}
