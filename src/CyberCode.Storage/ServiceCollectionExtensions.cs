using CyberCode.Core.Knowledge;
using CyberCode.Storage.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CyberCode.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LiteDB stores: binds and validates <see cref="StorageOptions"/> from the
    /// <c>Storage</c> section and adds one <see cref="IKnowledgeStore"/> for the process, which the
    /// container disposes (and so checkpoints and closes) at shutdown.
    /// </summary>
    public static IServiceCollection AddCyberCodeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKnowledgeStore, LiteDbKnowledgeStore>();
        return services;
    }
}
