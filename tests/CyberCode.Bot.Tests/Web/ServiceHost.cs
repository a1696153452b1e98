using CyberCode.Bot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CyberCode.Bot.Tests.Web;

/// <summary>
/// The real service (<see cref="WebHost.Build"/>) on Kestrel at a free loopback port, with the
/// knowledge shipped beside the tests, an in-memory database and no semantic model (loading it in
/// every test host is slow). <paramref name="settings"/> in <see cref="StartAsync"/> override any
/// of that, e.g. <c>["Web:RateLimit:PermitsPerMinute"] = "1"</c>.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private ServiceHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>Where the service listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client with <see cref="BaseAddress"/> set.</summary>
    public HttpClient Client { get; }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Builds and starts the service. <paramref name="mapExtra"/> may add endpoints before it
    /// starts (a test's own slow endpoint, say).
    /// </summary>
    public static async Task<ServiceHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplication>? mapExtra = null)
    {
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Urls"] = "http://127.0.0.1:0",
            // Explicit, because the CLI tests set Knowledge__Path and Storage__DatabasePath in the
            // process environment while they run, and the service reads the environment too.
            ["Knowledge:Path"] = Path.Combine(AppContext.BaseDirectory, "knowledge"),
            ["Storage:DatabasePath"] = ":memory:",
            ["Answering:Semantic:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:CyberCode"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        var app = WebHost.Build([], builder => builder.Configuration.AddInMemoryCollection(merged));
        try
        {
            mapExtra?.Invoke(app);
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServiceHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops the service as SIGTERM does: requests in flight finish, then the container closes the database.</summary>
    public async Task StopAsync() => await App.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
