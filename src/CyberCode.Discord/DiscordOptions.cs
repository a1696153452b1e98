using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord;

/// <summary>
/// The <c>Discord</c> section of appsettings.json. Every value may be absent: with no token the
/// Gateway stays off, with no public key the interactions endpoint answers 404. Values that are
/// set are checked at start-up (see <see cref="DiscordOptionsValidator"/>).
/// </summary>
internal sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot's token (Developer Portal, Bot, Reset Token). A secret: set it in the environment as <c>Discord__BotToken</c>.</summary>
    public string? BotToken { get; set; }

    /// <summary>The application id (General Information); needed to register commands and to edit deferred answers.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>The application's Ed25519 public key in hex (General Information); needed by the interactions endpoint.</summary>
    public string? PublicKey { get; set; }

    /// <summary>Discord's REST API; tests point it at a fake on loopback.</summary>
    [Required(ErrorMessage = "Discord:ApiBaseUrl must be set (default https://discord.com/api/v10).")]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>
    /// How long an interaction's answer may take before it is deferred (type 5) and finished by
    /// editing the original response. Discord allows 3 s for the first response; 2 s leaves room
    /// for the trip. 0 defers every command.
    /// </summary>
    [Range(0, 2500, ErrorMessage = "Discord:DeferAfterMilliseconds must be between 0 and 2500 (Discord wants a first response within 3 s; default 2000).")]
    public int DeferAfterMilliseconds { get; set; } = 2000;

    /// <summary>The largest interaction body the endpoint reads, in bytes (a button press carries the whole message).</summary>
    [Range(1024, 1_048_576, ErrorMessage = "Discord:MaxInteractionBytes must be between 1024 and 1048576 (default 131072).")]
    public int MaxInteractionBytes { get; set; } = 128 * 1024;

    /// <summary>How many times a request that failed with a 5xx or a network error is tried again.</summary>
    [Range(0, 10, ErrorMessage = "Discord:MaxRetries must be between 0 and 10 (default 3).")]
    public int MaxRetries { get; set; } = 3;

    public GatewayOptions Gateway { get; set; } = new();

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);

    public bool GatewayOn => HasToken && Gateway.Enabled;

    /// <summary>A method, not a property: validation reads every property, and a bad URL must be reported, not thrown.</summary>
    public Uri ApiBase() => new(ApiBaseUrl.TrimEnd('/') + "/");
}

/// <summary>The <c>Discord:Gateway</c> section.</summary>
internal sealed class GatewayOptions
{
    /// <summary>On by default once a token is set; off for a bot that only uses the Interactions Endpoint URL.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>This process's shard, 0-based; DMs arrive on shard 0.</summary>
    public int ShardId { get; set; }

    /// <summary>How many shards the whole deployment runs; 1 until a bot is in 2,500 servers.</summary>
    public int ShardCount { get; set; } = 1;
}

/// <summary>The checks that span several settings, each message naming the setting to fix.</summary>
internal sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"Discord:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10 (got '{options.ApiBaseUrl}').");
        }

        if (options.Gateway.ShardCount < 1)
        {
            problems.Add($"Discord:Gateway:ShardCount must be 1 or more (got {options.Gateway.ShardCount}).");
        }
        else if (options.Gateway.ShardId < 0 || options.Gateway.ShardId >= options.Gateway.ShardCount)
        {
            problems.Add($"Discord:Gateway:ShardId must be between 0 and Discord:Gateway:ShardCount - 1 (got ShardId {options.Gateway.ShardId}, ShardCount {options.Gateway.ShardCount}).");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicKey) && !IsHex(options.PublicKey.Trim(), 64))
        {
            problems.Add("Discord:PublicKey must be the application's public key: 64 hexadecimal characters, as shown under General Information in the Developer Portal.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApplicationId) && !IsSnowflake(options.ApplicationId))
        {
            problems.Add($"Discord:ApplicationId must be the numeric application id from the Developer Portal (got '{options.ApplicationId}').");
        }

        if (options.HasToken && options.BotToken!.Trim().Contains(' ', StringComparison.Ordinal))
        {
            problems.Add("Discord:BotToken must be the token alone, without \"Bot \" in front or spaces in it.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    internal static bool IsSnowflake(string value) =>
        ulong.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0;

    private static bool IsHex(string value, int length) => value.Length == length && value.All(char.IsAsciiHexDigit);
}
