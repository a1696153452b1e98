using CyberCode.Bot.Web.Api;
using CyberCode.Bot.Web.Hosting;
using CyberCode.Bot.Web.Metrics;
using CyberCode.Bot.Web.Protection;
using CyberCode.Bot.Web.Quiz;
using CyberCode.Core.Quizzes;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CyberCode.Bot.Web;

/// <summary>The services and middleware of the hosted service, apart from Core and Storage.</summary>
internal static class WebServices
{
    public static IServiceCollection AddCyberCodeWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebOptions>()
            .Bind(configuration.GetSection(WebOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<KestrelServerOptions>()
            .Configure<IOptions<WebOptions>>((kestrel, web) =>
            {
                kestrel.Limits.MaxRequestBodySize = web.Value.MaxRequestBodyBytes;
                kestrel.AddServerHeader = false;
            });
        services.AddOptions<HostOptions>()
            .Configure<IOptions<WebOptions>>((host, web) => host.ShutdownTimeout = TimeSpan.FromSeconds(web.Value.ShutdownTimeoutSeconds));

        services.AddProblemDetails();
        services.AddApiRateLimiting();

        services.AddSingleton<AnswerMetrics>();
        services.AddSingleton<WebQuizFeed>();
        services.AddSingleton<IQuizPresenter, WebQuizPresenter>();
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("cybercode"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter(AnswerMetrics.MeterName)
                .AddPrometheusExporter());

        services.AddSingleton<Readiness>();
        services.AddHostedService<ServiceStartup>();
        return services;
    }

    public static WebApplication UseCyberCodeWeb(this WebApplication app)
    {
        // Outermost, so the headers are on every response, error pages included.
        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A body Kestrel refused (too large, malformed) is the client's mistake, not a 500.
            StatusCodeSelector = ex => ex is Microsoft.AspNetCore.Http.BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseApiStatusCodePages();
        app.UseRateLimiter();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
