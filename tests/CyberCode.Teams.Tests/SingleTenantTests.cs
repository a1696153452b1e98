using System.Net;

namespace CyberCode.Teams.Tests;

public sealed class SingleTenantTests
{
    [Fact]
    public async Task Tokens_ForSingleTenantBot_AreAskedOfItsTenant()
    {
        const string tenant = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        await using var host = await TeamsHost.StartAsync(settings: new Dictionary<string, string?> { ["Teams:MicrosoftAppTenantId"] = tenant });

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(host.Message("timeline"))).StatusCode);
        await host.Connector.WaitForDeliveredAsync(2);

        Assert.Equal($"/{tenant}/oauth2/v2.0/token", Assert.Single(host.Login.Requests).Path);
    }
}
