using System.Collections;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CyberCode.Teams.Auth;

/// <summary>What became of a request's credentials; <see cref="StatusCode"/> is the HTTP answer on failure.</summary>
internal sealed record AuthResult(bool Ok, int StatusCode, string? Problem)
{
    public static AuthResult Accepted { get; } = new(true, 200, null);

    public static AuthResult Unauthorized(string problem) => new(false, 401, problem);

    public static AuthResult Forbidden(string problem) => new(false, 403, problem);

    public static AuthResult Unavailable(string problem) => new(false, 503, problem);
}

/// <summary>
/// Checks that a request to <c>/api/messages</c> really comes from the Bot Framework Connector, as
/// the SDK's <c>ChannelValidation</c> and <c>JwtTokenExtractor</c> do: a JWT signed by a key
/// published in the Bot Framework's OpenID metadata, issued by api.botframework.com for this
/// bot's app id, within its lifetime (5 minutes' skew), carrying the activity's serviceUrl, with
/// a signing key that endorses the activity's channel. In local development mode (no app id)
/// nothing is required but a loopback serviceUrl.
/// </summary>
internal sealed partial class InboundAuth
{
    public const string Issuer = "https://api.botframework.com";
    public const string MetadataClient = "CyberCode.Teams.Metadata";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InboundAuth> _logger;
    private readonly IHttpClientFactory _httpClients;
    private readonly Lock _refreshLock = new();
    private ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public InboundAuth(IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<InboundAuth> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        _options = options.Value;
        _time = time;
        _logger = logger;
        _httpClients = httpClients;
        if (!_options.IsLocalDevelopment)
        {
            _metadata = NewMetadata();
        }
    }

    public async Task<AuthResult> ValidateAsync(string? authorization, Activities.Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (_metadata is null)
        {
            return IsLoopback(activity.ServiceUrl)
                ? AuthResult.Accepted
                : AuthResult.Forbidden("Local development mode (no Teams:MicrosoftAppId) only answers Connectors on this machine; set Teams:MicrosoftAppId to talk to Teams.");
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || authorization.Length <= 7)
        {
            return AuthResult.Unauthorized("A bearer token from the Bot Framework is required.");
        }

        var token = authorization[7..].Trim();
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
        {
            LogMetadataUnavailable(_logger, ex, _options.OpenIdMetadataUrl);
            return AuthResult.Unavailable("The Bot Framework's signing keys cannot be fetched just now; try again.");
        }

        if (KeyIdOf(token) is { } kid && !HasKey(configuration, kid) && ForceRefresh() is { } fresh)
        {
            try
            {
                configuration = await fresh.GetConfigurationAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
            {
                LogMetadataUnavailable(_logger, ex, _options.OpenIdMetadataUrl);
            }
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            LogRejected(_logger, result.Exception?.GetType().Name ?? "invalid", result.Exception?.Message ?? string.Empty);
            return AuthResult.Unauthorized("The bearer token is not valid for this bot.");
        }

        var serviceUrl = jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) ? claimed : null;
        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            LogRejected(_logger, "serviceurl", $"token says '{serviceUrl}', activity says '{activity.ServiceUrl}'");
            return AuthResult.Unauthorized("The token's serviceurl does not match the activity's serviceUrl.");
        }

        if (!Endorses(configuration, jwt.Kid, activity.ChannelId))
        {
            LogRejected(_logger, "endorsement", $"key '{jwt.Kid}' does not endorse channel '{activity.ChannelId}'");
            return AuthResult.Forbidden("The token's signing key is not endorsed for this channel.");
        }

        return AuthResult.Accepted;
    }

    private ConfigurationManager<OpenIdConnectConfiguration> NewMetadata()
    {
        var retriever = new HttpDocumentRetriever(_httpClients.CreateClient(MetadataClient))
        {
            // Validation allows plain http only on loopback (a test's own metadata).
            RequireHttps = !_options.OpenIdMetadataUrl.IsLoopback,
        };
        return new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            // The Bot Framework asks bots to refresh the keys at least once a day.
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
        };
    }

    /// <summary>
    /// Keys roll over: a kid we do not know yet means fetch the metadata again, now rather than
    /// in the background as the manager's RequestRefresh would, so this very request can pass. At
    /// most once per KeyRefreshInterval, so made-up kids cannot make us hammer the endpoint.
    /// </summary>
    private ConfigurationManager<OpenIdConnectConfiguration>? ForceRefresh()
    {
        lock (_refreshLock)
        {
            var now = _time.GetUtcNow();
            if (now - _lastForcedRefresh < _options.KeyRefreshInterval)
            {
                return null;
            }

            _lastForcedRefresh = now;
            _metadata = NewMetadata();
            return _metadata;
        }
    }

    private static string? KeyIdOf(string token)
    {
        try
        {
            return new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasKey(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.JsonWebKeySet?.Keys.Any(k => string.Equals(k.Kid, kid, StringComparison.Ordinal)) == true;

    public static bool IsLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = Issuer,
        ValidateIssuer = true,
        ValidAudience = _options.AppId,
        ValidateAudience = true,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        // The library's own check reads the system clock; ours reads the injected one.
        LifetimeValidator = (notBefore, expires, _, _) =>
        {
            var now = _time.GetUtcNow().UtcDateTime;
            return expires is { } exp && now <= exp + ClockSkew && (notBefore is not { } nbf || now >= nbf - ClockSkew);
        },
    };

    /// <summary>The JWKS gives each key an <c>endorsements</c> list of the channels it may sign for.</summary>
    private static bool Endorses(OpenIdConnectConfiguration configuration, string? kid, string? channelId)
    {
        if (string.IsNullOrEmpty(kid) || string.IsNullOrEmpty(channelId))
        {
            return false;
        }

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return false;
        }

        return Strings(endorsements).Any(e => string.Equals(e, channelId, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<string?> Strings(object? value) => value switch
    {
        string s => [s],
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : null),
        JsonElement { ValueKind: JsonValueKind.String } single => [single.GetString()],
        IEnumerable items => items.Cast<object?>().Select(i => i is JsonElement e ? (e.ValueKind == JsonValueKind.String ? e.GetString() : null) : i?.ToString()),
        _ => [],
    };

    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "Teams: the Bot Framework metadata at {Url} could not be fetched")]
    private static partial void LogMetadataUnavailable(ILogger logger, Exception exception, Uri url);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Warning, Message = "Teams: rejected a request to /api/messages ({Reason}): {Detail}")]
    private static partial void LogRejected(ILogger logger, string reason, string detail);
}
