using System.Globalization;
using System.Text.Json;
using CyberCode.Core;
using CyberCode.Core.Moderation;
using CyberCode.Discord.Rest;
using CyberCode.Discord.Quizzes;

namespace CyberCode.Discord.Interactions;

/// <summary>Who sent an interaction, and where: what <see cref="Incoming"/> needs.</summary>
internal readonly record struct Who(string? UserId, string? GuildId, string? ChannelId = null, string? UserName = null, bool IsModerator = false, bool IsDirect = false)
{
    /// <summary>Whose knowledge this person sees and changes: the server's, or in a DM the shared entries only.</summary>
    public string Scope => Scopes.Of(DiscordQuizPresenter.ChannelName, GuildId);

    /// <summary>Manage Server or Administrator: may choose the server's moderator role.</summary>
    public bool CanManageServer { get; init; }

    public Incoming ToIncoming(string text) => new(text, DiscordQuizPresenter.ChannelName, UserId, GuildId)
    {
        ConversationId = ChannelId,
        UserName = UserName,
        IsModerator = IsModerator,
        IsDirect = IsDirect,
    };
}

/// <summary>Discord's permission bits that make someone a moderator of the bot's quizzes and entries.</summary>
internal static class Permissions
{
    public const ulong Administrator = 0x8;
    public const ulong ManageGuild = 0x20;
    public const ulong ManageMessages = 0x2000;

    /// <summary>Reads a <c>permissions</c> string (a decimal bit set); false when absent or unreadable.</summary>
    public static bool IsModerator(string? permissions) => Has(permissions, Administrator | ManageGuild | ManageMessages);

    /// <summary>Manage Server or Administrator: who runs the server, and so chooses its moderator role.</summary>
    public static bool CanManageServer(string? permissions) => Has(permissions, Administrator | ManageGuild);

    private static bool Has(string? permissions, ulong any) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) && (bits & any) != 0;
}

/// <summary>
/// Whether a member moderates the bot in their server: by Discord permission (Manage Server,
/// Manage Messages, Administrator) or by holding the role the server chose with
/// <c>/kb settings moderator-role</c>. Both an interaction's and a message's <c>member</c> carry
/// the member's role ids; only an interaction's carries permissions.
/// </summary>
internal sealed class ModeratorCheck(IScopeSettingsStore settings)
{
    public async Task<bool> IsModeratorAsync(string? guildId, JsonElement? member, CancellationToken cancellationToken)
    {
        if (guildId is null || member is not { } m)
        {
            return false;
        }

        if (Permissions.IsModerator(m.String("permissions")))
        {
            return true;
        }

        return (await settings.GetAsync(guildId, cancellationToken)).ModeratorRoleId is { } role
            && m.Array("roles").Any(r => r.ValueKind == JsonValueKind.String && r.GetString() == role);
    }
}
