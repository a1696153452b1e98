using CyberCode.Bot.Web.Api;
using CyberCode.Bot.Web.Health;
using CyberCode.Bot.Web.Hosting;
using CyberCode.Bot.Web.Ui;
using CyberCode.Core;
using CyberCode.Core.Knowledge;
using CyberCode.Discord;
using CyberCode.Storage;
using CyberCode.Teams;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Web;

/// <summary>
/// The hosted service (<c>cybercode</c> with no verb, or <c>serve</c>): web chat, API, health and
/// metrics on one ASP.NET Core host. <see cref="Build"/> is what the executable and the tests run.
/// </summary>
internal static class WebHost
{
    /// <summary>
    /// Builds the service: configuration from appsettings.json beside the executable, environment
    /// variables and <paramref name="args"/>; <paramref name="configure"/> lets a test add settings
    /// on top of those before anything reads them.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        LetPrefixedVariablesOverrideTheFile(builder.Configuration);
        configure?.Invoke(builder);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });

        builder.Services.AddCyberCodeCore(builder.Configuration);
        builder.Services.AddCyberCodeStorage(builder.Configuration);
        builder.Services.AddCyberCodeWeb(builder.Configuration);
        builder.Services.AddCyberCodeDiscord(builder.Configuration);
        builder.Services.AddCyberCodeTeams(builder.Configuration);

        var app = builder.Build();
        app.UseCyberCodeWeb();
        app.MapApi();
        app.MapHealth();
        app.MapWebUi();
        app.MapDiscord();
        app.MapTeams();
        return app;
    }

    /// <summary>
    /// Runs the service until SIGTERM or Ctrl+C, then lets requests in flight finish and closes the
    /// database. Configuration and knowledge errors become a message and exit code 2, as in the CLI.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var app = Build(args);
            await ((IHost)app).RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception ex) when (StartupProblem.Describe(ex) is { } message)
        {
            await error.WriteLineAsync(message);
            return 2;
        }
    }

    /// <summary>
    /// appsettings.json names a default <c>Urls</c>, and ASP.NET Core reads the file after the
    /// <c>ASPNETCORE_</c> variables, so <c>ASPNETCORE_URLS</c> would silently lose to it. Reading
    /// those variables again above the file (still below the command line) makes them win, as
    /// every ASP.NET Core guide says they do.
    /// </summary>
    private static void LetPrefixedVariablesOverrideTheFile(ConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        var commandLine = sources.Count - 1;
        while (commandLine >= 0 && sources[commandLine] is not CommandLineConfigurationSource)
        {
            commandLine--;
        }

        sources.Insert(commandLine < 0 ? sources.Count : commandLine, new EnvironmentVariablesConfigurationSource { Prefix = "ASPNETCORE_" });
    }
}

/// <summary>Turns the ways start-up fails for a reason the user can fix into one clear message.</summary>
internal static class StartupProblem
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException ex => "Configuration error: " + ex.Message,
        AggregateException ex when ex.InnerExceptions.All(e => e is OptionsValidationException) =>
            "Configuration error: " + string.Join(Environment.NewLine, ex.InnerExceptions.Select(e => e.Message)),
        CyberCode.Storage.StorageUnavailableException ex => ex.Message,
        KnowledgeValidationException ex => ex.Message + Environment.NewLine +
            "Fix what is named above (\"cybercode kb validate\" checks again), then start again.",
        IOException ex when ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException =>
            ex.Message + " Another program is using that port: stop it, or choose another address with Urls " +
            "(e.g. --urls http://localhost:5081, or the environment variable Urls=http://localhost:5081).",
        _ => null,
    };
}
