using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CyberCode.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge (loaded and validated from <c>Knowledge:Path</c>), the answering engine and
    /// the bot engine, as singletons. Binding the options is the host's job (it owns configuration).
    /// </summary>
    public static IServiceCollection AddCyberCodeCore(this IServiceCollection services)
    {
        services.AddSingleton(sp => KnowledgeLoader.Load(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.ResolvePath()));
        services.AddSingleton(sp => AnswerEngine.Create(sp.GetRequiredService<KnowledgeBase>()));
        services.AddSingleton<BotEngine>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
