using CyberCode.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CyberCode.Bot.Tests.Web;

/// <summary>
/// A service's database file opened again in a new container, as the next start would open it.
/// LiteDB locks the file (direct mode) while any process has it open, so opening it at all shows
/// the service closed it.
/// </summary>
internal static class StoredDatabase
{
    public static ServiceProvider Open(string databasePath)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath })
            .Build();
        return new ServiceCollection().AddLogging().AddCyberCodeStorage(configuration).BuildServiceProvider();
    }
}
