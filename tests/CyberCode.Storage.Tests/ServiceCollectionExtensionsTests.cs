using CyberCode.Core.Knowledge;
using CyberCode.Storage.Tests.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CyberCode.Storage.Tests;

public sealed class ServiceCollectionExtensionsTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly CancellationToken _ct = CancellationToken.None;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AddCyberCodeStorage_EmptyDatabasePath_FailsAtStartNamingTheSetting()
    {
        using var host = BuildHost(string.Empty);

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(_ct));

        Assert.Contains("Storage:DatabasePath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCyberCodeStorage_NoStorageSection_DefaultsToDataFolder()
    {
        var services = new ServiceCollection();
        services.AddCyberCodeStorage(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        Assert.Equal("data/cybercode.db", provider.GetRequiredService<IOptions<StorageOptions>>().Value.DatabasePath);
    }

    [Fact]
    public async Task AddCyberCodeStorage_OneStoreForTheProcess_DisposedByTheContainer()
    {
        using (var host = BuildHost(_database.Path))
        {
            await host.StartAsync(_ct);
            var store = host.Services.GetRequiredService<IKnowledgeStore>();
            Assert.Same(store, host.Services.GetRequiredService<IKnowledgeStore>());
            await store.SeedCuratedAsync(TestEntries.All(), _ct);
            await host.StopAsync(_ct);
        }

        // The container closed the file: it opens again and holds what was seeded.
        using var reopened = _database.Open();
        Assert.Equal(TestEntries.All().Length, (await reopened.GetCuratedAsync(_ct)).Count);
    }

    private static IHost BuildHost(string databasePath)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("Storage:DatabasePath", databasePath)]);
        builder.Services.AddLogging();
        builder.Services.AddCyberCodeStorage(builder.Configuration);
        return builder.Build();
    }
}
