using System.ComponentModel.DataAnnotations;

namespace CyberCode.Bot.Web;

/// <summary>The <c>Web</c> section of appsettings.json: limits of the hosted service.</summary>
internal sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// The largest request body Kestrel accepts, in bytes. A question is at most 2000 characters,
    /// so 32 KiB leaves room for any honest request and turns away pastes of whole documents.
    /// </summary>
    [Range(typeof(long), "1024", "104857600", ErrorMessage = "Web:MaxRequestBodyBytes must be between 1024 and 104857600 (the largest request body in bytes; default 32768).")]
    public long MaxRequestBodyBytes { get; set; } = 32 * 1024;

    /// <summary>
    /// How long a stop (SIGTERM, Ctrl+C) waits for requests in flight. Answers take milliseconds;
    /// 10 s is ample and ends before <c>docker stop</c> gives up and kills the process.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Web:ShutdownTimeoutSeconds must be between 1 and 3600 (how long a stop waits for requests in flight; default 10).")]
    public int ShutdownTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// The bearer token that makes a request to <c>/api/ask</c> a moderator's (<c>kb</c> commands
    /// for the CLI and web chat's knowledge). Empty: nobody moderates over the web.
    /// </summary>
    public string AdminToken { get; set; } = string.Empty;

    /// <summary>Whether the request carries <c>Authorization: Bearer</c> with the admin token, compared in constant time.</summary>
    public bool IsAdmin(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (string.IsNullOrEmpty(AdminToken) || authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashing both first makes the comparison take the same time whatever the lengths.
        var given = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        var expected = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AdminToken));
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(given, expected);
    }
}

/// <summary>The <c>Web:RateLimit</c> section: how often one client (remote address) may call <c>/api</c>.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Web:RateLimit";

    /// <summary>Off only for load tests: a public service needs it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Sustained requests per minute per client address. Generous because a classroom behind one
    /// NAT address shares it: 30 people asking a question every few seconds fit.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Web:RateLimit:PermitsPerMinute must be between 1 and 1000000 (requests per minute per client address; default 300).")]
    public int PermitsPerMinute { get; set; } = 300;

    /// <summary>How many requests a client may make at once before the per-minute pace applies.</summary>
    [Range(1, 100_000, ErrorMessage = "Web:RateLimit:Burst must be between 1 and 100000 (requests a client may make at once; default 60).")]
    public int Burst { get; set; } = 60;
}
