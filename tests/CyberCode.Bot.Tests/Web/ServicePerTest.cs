namespace CyberCode.Bot.Tests.Web;

/// <summary>
/// A test class whose every test gets a fresh service (<see cref="ServiceHost"/>) on loopback,
/// started before the test and stopped after it.
/// </summary>
public abstract class ServicePerTest : IAsyncLifetime
{
    private ServiceHost? _host;

    internal ServiceHost Host => _host ?? throw new InvalidOperationException("The service has not started.");

    /// <summary>The service's address without the trailing slash, e.g. http://127.0.0.1:41234.</summary>
    protected string BaseUrl => Host.BaseAddress.ToString().TrimEnd('/');

    /// <summary>Settings a test class needs over <see cref="ServiceHost"/>'s, e.g. <c>Web:AdminToken</c>.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => _host = await ServiceHost.StartAsync(Settings);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
