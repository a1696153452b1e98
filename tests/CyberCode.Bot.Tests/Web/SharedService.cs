namespace CyberCode.Bot.Tests.Web;

/// <summary>
/// One service for a whole test class: starting one loads and indexes the knowledge (about a
/// second on a small machine), which the tests that only ask and read need not pay each time.
/// </summary>
public sealed class SharedService : IAsyncLifetime
{
    private ServiceHost? _host;

    internal ServiceHost Host => _host ?? throw new InvalidOperationException("The service has not started.");

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
