using CyberCode.Core.Answering.Semantic;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Learning;
using CyberCode.Core.Moderation;
using CyberCode.Core.Quizzes;
using CyberCode.Storage.Database;
using CyberCode.Storage.Knowledge;
using CyberCode.Storage.Learning;
using CyberCode.Storage.Moderation;
using CyberCode.Storage.Quizzes;
using CyberCode.Storage.Semantic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CyberCode.Storage;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LiteDB stores: binds and validates <see cref="StorageOptions"/> from the
    /// <c>Storage</c> section and opens one database for the process, which the container disposes
    /// (and so checkpoints and closes) at shutdown, after the stores that use it.
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
        services.TryAddSingleton<CyberCodeDatabase>();
        services.TryAddSingleton<IKnowledgeStore>(sp => new LiteDbKnowledgeStore(
            sp.GetRequiredService<CyberCodeDatabase>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<LiteDbKnowledgeStore>>()));
        services.TryAddSingleton<IQuestionLog, LiteDbQuestionLog>();
        services.TryAddSingleton<IEmbeddingCache, LiteDbEmbeddingCache>();
        services.TryAddSingleton<IQuizStore, LiteDbQuizStore>();
        services.TryAddSingleton<IScopeSettingsStore, LiteDbScopeSettingsStore>();
        return services;
    }
}
