using System.Net;
using CyberCode.Teams.Tests.Fakes;

namespace CyberCode.Teams.Tests;

/// <summary>Inbound tokens as teams.md lists the checks, with a loopback OpenID metadata and JWKS.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private TeamsHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string ServiceUrl => _host.Connector.ServiceUrl.AbsoluteUri;

    [Fact]
    public async Task Message_WithValidToken_IsAnsweredWithCardThroughConnector()
    {
        var response = await _host.PostAsync(_host.Message("define cyber sovereignty"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _host.Connector.WaitForDeliveredAsync(2);
        Assert.Equal("typing", calls[0].Type);
        Assert.Equal("message", calls[1].Type);
        Assert.NotNull(calls[1].Card);
    }

    [Fact]
    public async Task Token_FromAnotherIssuer_Is401AndNothingIsSent()
    {
        var token = _host.BotFramework.Token(TeamsHost.AppId, ServiceUrl, _host.Time.GetUtcNow(), issuer: "https://sts.windows.net/someone/");
        await AssertRejected(await _host.PostAsync(_host.Message("timeline"), token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_ForAnotherBot_Is401()
    {
        var token = _host.BotFramework.Token(Guid.NewGuid().ToString(), ServiceUrl, _host.Time.GetUtcNow());
        await AssertRejected(await _host.PostAsync(_host.Message("timeline"), token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_ExpiredBeyondFiveMinutesSkew_Is401()
    {
        var token = _host.BotFramework.Token(TeamsHost.AppId, ServiceUrl, _host.Time.GetUtcNow(), expiresIn: TimeSpan.FromMinutes(10));
        _host.Time.Advance(TimeSpan.FromMinutes(16));
        await AssertRejected(await _host.PostAsync(_host.Message("timeline"), token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_ExpiredWithinSkew_IsAccepted()
    {
        var token = _host.BotFramework.Token(TeamsHost.AppId, ServiceUrl, _host.Time.GetUtcNow(), expiresIn: TimeSpan.FromMinutes(10));
        _host.Time.Advance(TimeSpan.FromMinutes(14));

        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(_host.Message("timeline"), token)).StatusCode);
        await _host.Connector.WaitForDeliveredAsync(2);
    }

    [Fact]
    public async Task Token_Unsigned_Is401()
    {
        var token = FakeBotFramework.Unsigned(TeamsHost.AppId, ServiceUrl, _host.Time.GetUtcNow());
        await AssertRejected(await _host.PostAsync(_host.Message("timeline"), token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_WithTamperedPayload_Is401()
    {
        var parts = _host.BotFramework.Token(TeamsHost.AppId, ServiceUrl, _host.Time.GetUtcNow()).Split('.');
        var other = FakeBotFramework.Unsigned(Guid.NewGuid().ToString(), ServiceUrl, _host.Time.GetUtcNow()).Split('.');
        await AssertRejected(await _host.PostAsync(_host.Message("timeline"), $"{parts[0]}.{other[1]}.{parts[2]}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_ForAnotherServiceUrl_Is401()
    {
        var token = _host.BotFramework.Token(TeamsHost.AppId, "https://smba.trafficmanager.net/emea/", _host.Time.GetUtcNow());
        await AssertRejected(await _host.PostAsync(_host.Message("timeline"), token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_ServiceUrlDiffersOnlyInCase_IsAccepted()
    {
        var token = _host.BotFramework.Token(TeamsHost.AppId, ServiceUrl.ToUpperInvariant(), _host.Time.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(_host.Message("timeline"), token)).StatusCode);
    }

    [Fact]
    public async Task Token_SignedWithKeyNotEndorsingMsteams_Is403()
    {
        var token = _host.BotFramework.Token(TeamsHost.AppId, ServiceUrl, _host.Time.GetUtcNow(), key: FakeBotFramework.SkypeKey);
        await AssertRejected(await _host.PostAsync(_host.Message("timeline"), token), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Request_WithoutToken_Is401()
    {
        await AssertRejected(await _host.PostAsync(_host.Message("timeline"), token: null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Keys_RolledOver_AreFetchedAgainAndTheNewKeyAccepted()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(_host.Message("timeline"))).StatusCode);
        Assert.Equal(1, _host.BotFramework.MetadataRequests);

        _host.BotFramework.RollTeamsKey();
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(_host.Message("timeline"))).StatusCode);
        Assert.Equal(2, _host.BotFramework.MetadataRequests);
    }

    [Fact]
    public async Task Keys_UnknownKidsAgainWithinInterval_DoNotFetchAgain()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(_host.Message("timeline"))).StatusCode);
        _host.BotFramework.RollTeamsKey();
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(_host.Message("timeline"))).StatusCode);
        var fetched = _host.BotFramework.MetadataRequests;

        _host.BotFramework.RollTeamsKey();
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.PostAsync(_host.Message("timeline"))).StatusCode);
        Assert.Equal(fetched, _host.BotFramework.MetadataRequests);

        _host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(_host.Message("timeline"))).StatusCode);
        Assert.Equal(fetched + 1, _host.BotFramework.MetadataRequests);
    }

    [Fact]
    public async Task Metadata_IsFetchedOnceForManyRequests()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _host.PostAsync(_host.Message("timeline"))).StatusCode);
        }

        Assert.Equal(1, _host.BotFramework.MetadataRequests);
    }

    [Fact]
    public async Task Replies_CarryMsalTokenFromLoginEndpoint_FetchedOnceAndCached()
    {
        await _host.PostAsync(_host.Message("timeline"));
        await _host.Connector.WaitForDeliveredAsync(2);
        await _host.PostAsync(_host.Message("changes"));
        var calls = await _host.Connector.WaitForDeliveredAsync(4);

        Assert.All(calls, c => Assert.Equal("Bearer fake-token-1", c.Authorization));
        var request = Assert.Single(_host.Login.Requests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", request.Path);
        Assert.Equal("client_credentials", request.Form["grant_type"]);
        Assert.Equal(TeamsHost.AppId, request.Form["client_id"]);
        Assert.Equal("test-secret", request.Form["client_secret"]);
        Assert.Contains("https://api.botframework.com/.default", request.Form["scope"], StringComparison.Ordinal);
    }

    private async Task AssertRejected(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        await _host.Queue.WhenIdle();
        Assert.Empty(_host.Connector.Calls);
    }
}
