using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CyberCode.Teams.Tests.Fakes;

/// <summary>
/// A Microsoft Entra token endpoint on https loopback (MSAL refuses plain http): hands out
/// numbered access tokens for client credentials and records what it was asked.
/// </summary>
internal sealed class FakeLogin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<(string Path, IReadOnlyDictionary<string, string> Form)> _requests = [];
    private readonly Lock _lock = new();

    private FakeLogin(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IReadOnlyList<(string Path, IReadOnlyDictionary<string, string> Form)> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeLogin> StartAsync()
    {
        FakeLogin? fake = null;
        var (app, address) = await Loopback.StartAsync(
            app => app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http) =>
            {
                var form = await http.Request.ReadFormAsync();
                int n;
                lock (fake!._lock)
                {
                    fake._requests.Add((http.Request.Path.Value!, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
                    n = fake._requests.Count;
                }

                return Results.Json(new
                {
                    token_type = "Bearer",
                    expires_in = 3600,
                    ext_expires_in = 3600,
                    access_token = "fake-token-" + n.ToString(CultureInfo.InvariantCulture),
                });
            }),
            https: true);
        fake = new FakeLogin(app, address);
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
