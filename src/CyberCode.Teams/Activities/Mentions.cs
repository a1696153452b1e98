using System.Net;
using System.Text.RegularExpressions;

namespace CyberCode.Teams.Activities;

/// <summary>
/// Turns what Teams delivers into what the person asked: in channels and group chats the text
/// starts with the bot's own mention (<c>&lt;at&gt;CyberCode&lt;/at&gt; define X</c>).
/// </summary>
internal static partial class Mentions
{
    /// <summary>
    /// The text without the bot's mentions (found through the activity's mention entities, whose
    /// <c>mentioned.id</c> is the recipient), other people's mentions reduced to their names, and
    /// HTML entities decoded.
    /// </summary>
    public static string QuestionText(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                && entity.Text is { Length: > 0 } mention
                && botId is { Length: > 0 }
                && string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(mention, " ", StringComparison.Ordinal);
            }
        }

        // Someone else mentioned in the question ("what would <at>Ana</at> say…") keeps the name.
        text = AtTag().Replace(text, "$1");
        text = WebUtility.HtmlDecode(text);
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex("<at[^>]*>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
