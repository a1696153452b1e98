using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CyberCode.Teams;

/// <summary>
/// The <c>Teams</c> section. With no <see cref="MicrosoftAppId"/> the channel runs in local
/// development mode (no tokens, loopback Connectors only), which is what the Microsoft 365 Agents
/// Playground and the Bot Framework Emulator need.
/// </summary>
internal sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The Azure Bot's Microsoft App ID (a GUID); empty for local development mode.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret of that app registration; required with an app id.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The tenant of a single-tenant bot; empty for a multi-tenant one (botframework.com).</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where the Bot Framework publishes the keys that sign the Connector's tokens.</summary>
    [Required]
    public Uri OpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>The Microsoft Entra login host that issues the bot's own tokens for the Connector.</summary>
    [Required]
    public Uri LoginBaseUrl { get; set; } = new("https://login.microsoftonline.com");

    /// <summary>The scope of the bot's outbound tokens.</summary>
    [Required]
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>How soon after one fetch a token signed by an unknown key may make the keys be fetched again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest activity accepted; Teams' own are a few KB.</summary>
    [Range(4096, 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>How many activities are answered at the same time.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>Attempts at one Connector call, the first included.</summary>
    [Range(1, 10)]
    public int MaxSendAttempts { get; set; } = 4;

    /// <summary>The first back-off after a 412/502/503/504; it doubles on each retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Microsoft Entra object ids (<c>from.aadObjectId</c>) of the people who moderate CyberCode
    /// in Teams: they may stop anyone's quiz and change the quiz settings. Teams does not tell a
    /// bot who owns a team without Graph permissions, so the list is configured
    /// (<c>Teams:Moderators:0</c>, <c>Teams__Moderators__0</c>, …). Empty by default.
    /// </summary>
    public IList<string> Moderators { get; } = [];

    public bool IsLocalDevelopment => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>Whether the person with this Entra object id is listed in <see cref="Moderators"/>.</summary>
    public bool IsModerator(string? aadObjectId) =>
        !string.IsNullOrWhiteSpace(aadObjectId)
        && Moderators.Any(m => string.Equals(m?.Trim(), aadObjectId.Trim(), StringComparison.OrdinalIgnoreCase));

    public string AppId => MicrosoftAppId?.Trim() ?? string.Empty;
}

/// <summary>The checks data annotations cannot say: an app id is a GUID and comes with its secret.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.IsLocalDevelopment)
        {
            if (!Guid.TryParse(options.AppId, out _))
            {
                failures.Add($"Teams:MicrosoftAppId must be the Azure Bot's app id, a GUID such as 00000000-0000-0000-0000-000000000000 (got '{options.AppId}'); leave it empty for local development.");
            }

            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("Teams:MicrosoftAppPassword is required when Teams:MicrosoftAppId is set: it is the client secret of the bot's app registration (environment variable Teams__MicrosoftAppPassword).");
            }
        }

        var tenant = options.MicrosoftAppTenantId?.Trim();
        if (!string.IsNullOrEmpty(tenant) && !Guid.TryParse(tenant, out _) && !IsDomain(tenant))
        {
            failures.Add($"Teams:MicrosoftAppTenantId must be a tenant id (GUID) or domain such as contoso.onmicrosoft.com (got '{tenant}'); leave it empty for a multi-tenant bot.");
        }

        CheckUrl(options.OpenIdMetadataUrl, "Teams:OpenIdMetadataUrl", failures);
        CheckUrl(options.LoginBaseUrl, "Teams:LoginBaseUrl", failures, httpsOnly: true);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsDomain(string value) =>
        value.Contains('.', StringComparison.Ordinal) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-');

    private static void CheckUrl(Uri? url, string setting, List<string> failures, bool httpsOnly = false)
    {
        if (url is null)
        {
            return;
        }

        // Plain http only to this machine (tests and local fakes); tokens and keys never travel in clear.
        var ok = url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || (!httpsOnly && url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));
        if (!ok)
        {
            failures.Add($"{setting} must be an absolute https URL (got '{url}').");
        }
    }
}
