using CyberCode.Core.Channels;

namespace CyberCode.Discord;

/// <summary>
/// Who the bot is on Discord: the application id from the settings, or learned from the
/// Gateway's READY together with the bot's own user id (which a mention of it carries).
/// </summary>
internal sealed class DiscordIdentity
{
    private volatile string? _botUserId;
    private volatile string? _applicationId;

    public DiscordIdentity(string? configuredApplicationId)
    {
        _applicationId = string.IsNullOrWhiteSpace(configuredApplicationId) ? null : configuredApplicationId.Trim();
    }

    public string? BotUserId => _botUserId;

    public string? ApplicationId => _applicationId;

    public void Learn(string? botUserId, string? applicationId)
    {
        _botUserId = botUserId ?? _botUserId;
        _applicationId ??= applicationId;
    }
}

/// <summary>
/// The interaction and message ids already handled. The Gateway replays the events missed during
/// a resume, and they may include ones this process already answered; a second answer would be a
/// duplicate in the channel (or an error for an interaction token already used).
/// </summary>
internal sealed class DiscordDeliveries(TimeProvider time)
{
    /// <summary>An interaction token lives 15 minutes; a resume replays at most a few minutes of events.</summary>
    private readonly SeenIds _seen = new(time, TimeSpan.FromMinutes(15), 50_000);

    public bool TryFirst(string kind, string id) => _seen.TryFirst(kind + ":" + id);

    public void Forget(string kind, string id) => _seen.Forget(kind + ":" + id);
}

/// <summary>Randomness for jitter (heartbeat start, back-off); tests give a fixed value.</summary>
internal sealed class DiscordJitter(Func<double> next)
{
    public DiscordJitter()
        : this(Random.Shared.NextDouble)
    {
    }

    /// <summary>A number in [0, 1).</summary>
    public double Next() => Math.Clamp(next(), 0, 0.999_999);
}
