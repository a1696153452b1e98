using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CyberCode.Teams;

/// <summary>How the host adds the Teams channel: services, then endpoints.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddCyberCodeTeams(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder endpoints) => endpoints;
}
