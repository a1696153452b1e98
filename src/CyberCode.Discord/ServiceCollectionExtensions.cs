using CyberCode.Core.Answering;
using CyberCode.Core.Quizzes;
using CyberCode.Discord.Gateway;
using CyberCode.Discord.Interactions;
using CyberCode.Discord.Messages;
using CyberCode.Discord.Quizzes;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord;

/// <summary>How the host adds the Discord channel: services, then endpoints.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The Discord channel: options from the <c>Discord</c> section (validated at start-up), the
    /// REST client, the Gateway (a hosted service, on only with a token) and the interactions
    /// handler, and the quiz presenter. With no Discord settings the service starts as before, with Discord off.
    /// </summary>
    public static IServiceCollection AddCyberCodeDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDiscordRest(configuration);

        services.TryAddSingleton(sp => new AnswerRenderer(sp.GetRequiredService<AnswerEngine>().Knowledge.Essay.Title));
        services.TryAddSingleton(sp => new CommandSuggestions(sp.GetRequiredService<AnswerEngine>().Knowledge, sp.GetRequiredService<QuizBank>()));
        services.TryAddSingleton(sp => new SignatureVerifier(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.PublicKey));
        services.TryAddSingleton<DiscordDeliveries>();
        services.TryAddSingleton<ModeratorCheck>();
        services.AddHttpClient(InteractionHandler.FilesClient);
        services.TryAddSingleton<InteractionHandler>();
        services.TryAddSingleton<MentionHandler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQuizPresenter, DiscordQuizPresenter>());
        services.TryAddSingleton<GatewayDispatcher>();
        services.TryAddSingleton<GatewayClient>();
        services.AddHostedService<GatewayService>();
        return services;
    }

    public static IEndpointRouteBuilder MapDiscord(this IEndpointRouteBuilder endpoints)
    {
        InteractionsEndpoint.Map(endpoints);
        return endpoints;
    }

    /// <summary>Options and the REST client alone: what <c>cybercode discord register</c> needs.</summary>
    internal static IServiceCollection AddDiscordRest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>()
            .Bind(configuration.GetSection(DiscordOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordJitter>();
        services.TryAddSingleton(sp => new DiscordIdentity(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.ApplicationId));
        services.TryAddSingleton<RateLimitBuckets>();
        services.TryAddTransient<RateLimitHandler>();
        services.AddHttpClient<DiscordRestClient>().AddHttpMessageHandler<RateLimitHandler>();
        return services;
    }
}
