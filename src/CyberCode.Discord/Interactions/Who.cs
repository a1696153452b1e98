using System.Globalization;
using CyberCode.Core;
using CyberCode.Discord.Quizzes;

namespace CyberCode.Discord.Interactions;

/// <summary>Who sent an interaction, and where: what <see cref="Incoming"/> needs.</summary>
internal readonly record struct Who(string? UserId, string? GuildId, string? ChannelId = null, string? UserName = null, bool IsModerator = false, bool IsDirect = false)
{
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
    public static bool IsModerator(string? permissions) =>
        ulong.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & (Administrator | ManageGuild | ManageMessages)) != 0;
}
