using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace CyberCode.Teams.Auth;

/// <summary>
/// The bot's own bearer token for the Connector: MSAL client credentials against
/// <c>{LoginBaseUrl}/{tenant or botframework.com}</c>, cached by MSAL until shortly before it
/// expires. None in local development mode: the Agents Playground and the Emulator accept calls
/// without one.
/// </summary>
internal sealed class ConnectorTokens
{
    public const string LoginClient = "CyberCode.Teams.Login";

    private readonly TeamsOptions _options;
    private readonly Lazy<IConfidentialClientApplication>? _app;

    public ConnectorTokens(IOptions<TeamsOptions> options, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.IsLocalDevelopment)
        {
            return;
        }

        var tenant = string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId) ? "botframework.com" : _options.MicrosoftAppTenantId.Trim();
        var authority = new Uri($"{_options.LoginBaseUrl.AbsoluteUri.TrimEnd('/')}/{tenant}");
        _app = new Lazy<IConfidentialClientApplication>(() => ConfidentialClientApplicationBuilder
            .Create(_options.AppId)
            .WithClientSecret(_options.MicrosoftAppPassword)
            // The authority is configured, not discovered: no call to the public instance-discovery
            // endpoint, and a test can point it at its own token endpoint.
            .WithAuthority(authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClients(httpClients))
            .Build());
    }

    /// <summary>The access token, or null in local development mode.</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return null;
        }

        var result = await _app.Value.AcquireTokenForClient([_options.ConnectorScope]).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private sealed class MsalHttpClients(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(LoginClient);
    }
}
