using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CyberCode.Teams.Tests.Fakes;

/// <summary>
/// The Bot Framework's side of inbound authentication, on loopback: OpenID metadata whose
/// <c>jwks_uri</c> lists two RSA keys made in this test (one endorsing <c>msteams</c>, one only
/// <c>skype</c>), and tokens minted with them.
/// </summary>
internal sealed class FakeBotFramework : IAsyncDisposable
{
    public const string TeamsKey = "teams-key";
    public const string SkypeKey = "skype-key";
    public const string Issuer = "https://api.botframework.com";

    // Making RSA keys is slow; every fake of the run starts from the same two. They are never
    // disposed: IdentityModel caches signature providers by key, across handlers.
    private static readonly Lazy<RSA> SharedTeamsKey = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> SharedSkypeKey = new(() => RSA.Create(2048));

    private readonly WebApplication _app;
    private readonly Dictionary<string, (RSA Rsa, string[] Endorsements)> _keys;
    private int _metadataRequests;
    private int _rollovers;
    private string _teamsKey = TeamsKey;

    private FakeBotFramework(WebApplication app, Uri address, Dictionary<string, (RSA, string[])> keys)
    {
        _app = app;
        Address = address;
        _keys = keys;
    }

    public Uri Address { get; }

    public Uri MetadataUrl => new(Address, "v1/.well-known/openidconfiguration");

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public static async Task<FakeBotFramework> StartAsync()
    {
        var keys = new Dictionary<string, (RSA, string[])>
        {
            [TeamsKey] = (SharedTeamsKey.Value, ["msteams", "emulator"]),
            [SkypeKey] = (SharedSkypeKey.Value, ["skype"]),
        };
        FakeBotFramework? fake = null;
        var (app, address) = await Loopback.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) =>
            {
                Interlocked.Increment(ref fake!._metadataRequests);
                var self = $"{http.Request.Scheme}://{http.Request.Host}/";
                return Results.Json(new JsonObject
                {
                    ["issuer"] = Issuer,
                    ["authorization_endpoint"] = "https://invalid.botframework.com",
                    ["jwks_uri"] = self + "v1/.well-known/keys",
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
                });
            });
            app.MapGet("/v1/.well-known/keys", () => Results.Json(new JsonObject { ["keys"] = fake!.Jwks() }));
        });
        fake = new FakeBotFramework(app, address, keys);
        return fake;
    }

    /// <summary>A token as the Connector sends it, with any part changed by the test.</summary>
    public string Token(
        string audience,
        string serviceUrl,
        DateTimeOffset now,
        string issuer = Issuer,
        string? key = null,
        TimeSpan? expiresIn = null)
    {
        key ??= _teamsKey;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expires - TimeSpan.FromHours(2)).UtcDateTime,
            NotBefore = (expires - TimeSpan.FromHours(2)).UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(_keys[key].Rsa) { KeyId = key }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The same claims, with "alg": "none" and no signature.</summary>
    public static string Unsigned(string audience, string serviceUrl, DateTimeOffset now)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT","kid":"teams-key"}""");
        var payload = Base64UrlEncoder.Encode(new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }.ToJsonString());
        return header + "." + payload + ".";
    }

    /// <summary>
    /// Replaces the Teams key by a new one with a new kid, as the Bot Framework does when it rolls
    /// its keys over; tokens are signed with the new one from now on.
    /// </summary>
    public void RollTeamsKey()
    {
        _keys.Remove(_teamsKey);
        _teamsKey = TeamsKey + "-" + (++_rollovers).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _keys[_teamsKey] = (RSA.Create(2048), ["msteams"]);
    }

    private JsonArray Jwks()
    {
        var keys = new JsonArray();
        foreach (var (kid, (rsa, endorsements)) in _keys)
        {
            var p = rsa.ExportParameters(false);
            keys.Add(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
            });
        }

        return keys;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
