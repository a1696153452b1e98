using System.Text.Json;
using CyberCode.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Interactions;

/// <summary>
/// <c>cybercode discord register [--guild ID]</c>: replaces the application's slash commands with
/// <see cref="SlashCommands.All"/>, in one server (instant, for testing) or globally.
/// </summary>
internal static class CommandRegistration
{
    /// <returns>0 when registered, 1 when Discord refused or could not be reached, 2 for a configuration problem.</returns>
    public static async Task<int> RunAsync(IConfiguration configuration, string? guildId, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var services = new ServiceCollection().AddLogging().AddDiscordRest(configuration);
        await using var provider = services.BuildServiceProvider();
        DiscordOptions options;
        try
        {
            options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("Configuration error: " + ex.Message);
            return 2;
        }

        if (!options.HasToken)
        {
            await error.WriteLineAsync("Discord:BotToken is not set. Copy the bot's token from the Developer Portal (your application, Bot, Reset Token) and set it, e.g. export Discord__BotToken=...");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(options.ApplicationId))
        {
            await error.WriteLineAsync("Discord:ApplicationId is not set. Copy the Application ID from the Developer Portal (your application, General Information) and set it, e.g. export Discord__ApplicationId=...");
            return 2;
        }

        if (guildId is not null && !DiscordOptionsValidator.IsSnowflake(guildId))
        {
            await error.WriteLineAsync($"--guild must be a server id, a number such as 123456789012345678 (got '{guildId}'). In Discord: User Settings, Advanced, Developer Mode; then right-click the server, Copy Server ID.");
            return 2;
        }

        var rest = provider.GetRequiredService<DiscordRestClient>();
        try
        {
            using var result = await rest.BulkOverwriteCommandsAsync(options.ApplicationId.Trim(), guildId?.Trim(), SlashCommands.Registration(), cancellationToken);
            var names = result.RootElement.ValueKind == JsonValueKind.Array
                ? result.RootElement.EnumerateArray().Select(c => "/" + c.String("name")).ToList()
                : [];
            var where = guildId is null
                ? "globally (every server that has the bot; Discord may take a few minutes to show them)"
                : $"in server {guildId} (available at once)";
            await output.WriteLineAsync($"Registered {names.Count} commands {where}: {string.Join(", ", names)}");
            return 0;
        }
        catch (DiscordApiException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (HttpRequestException ex)
        {
            await error.WriteLineAsync($"Could not reach Discord at {options.ApiBaseUrl}: {ex.Message}");
            return 1;
        }
    }
}
