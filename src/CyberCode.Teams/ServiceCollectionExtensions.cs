using CyberCode.Core.Quizzes;
using CyberCode.Teams.Activities;
using CyberCode.Teams.Auth;
using CyberCode.Teams.Connector;
using CyberCode.Teams.Quizzes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CyberCode.Teams;

/// <summary>How the host adds the Teams channel: services, then endpoints.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The Teams channel: <see cref="TeamsOptions"/> bound from the <c>Teams</c> section and
    /// validated at start-up, token validation, the Connector client, the queue that answers
    /// activities in the background, and the quiz presenter for channel <c>teams</c>. Needs Core's <c>BotEngine</c>.
    /// </summary>
    public static IServiceCollection AddCyberCodeTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(InboundAuth.MetadataClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(ConnectorTokens.LoginClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(ConnectorClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));

        services.AddSingleton<InboundAuth>();
        services.AddSingleton<ConnectorTokens>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<ActivityHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQuizPresenter, TeamsQuizPresenter>());
        services.AddSingleton<ActivityQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivityQueue>());
        services.AddHostedService<TeamsStartup>();
        return services;
    }

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(MessagesEndpoint.Path, MessagesEndpoint.HandleAsync);
        return endpoints;
    }
}
