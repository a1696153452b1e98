using CyberCode.Core;
using CyberCode.Core.Knowledge;
using CyberCode.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CyberCode.Bot.Cli;

/// <summary>
/// Builds the service container the verbs share: configuration from appsettings.json (beside
/// the executable), environment variables (<c>Knowledge__Path</c>, <c>Storage__DatabasePath</c>)
/// and command-line overrides; logging to standard error so standard output stays clean for JSON.
/// </summary>
internal static class CliHost
{
    public static IHost Build(IReadOnlyList<string> configArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configArgs.ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        builder.Services.AddCyberCodeCore(builder.Configuration);
        builder.Services.AddCyberCodeStorage(builder.Configuration);
        return builder.Build();
    }
}
