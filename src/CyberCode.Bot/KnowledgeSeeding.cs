using CyberCode.Core.Knowledge;

namespace CyberCode.Bot;

/// <summary>Writing the curated entries of <c>knowledge/</c> into the store, as <c>kb seed</c>, <c>chat</c> and the service do.</summary>
internal static class KnowledgeSeeding
{
    /// <summary>Idempotent: a second run with the same files changes nothing.</summary>
    public static Task<SeedReport> SeedCuratedAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<IKnowledgeStore>().SeedCuratedAsync(services.GetRequiredService<KnowledgeBase>().Entries, cancellationToken);
}
