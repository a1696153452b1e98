using System.Text.Json;
using System.Text.RegularExpressions;
using CyberCode.Core;
using CyberCode.Discord.Rendering;
using CyberCode.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace CyberCode.Discord.Messages;

/// <summary>
/// Answers a message that mentions the bot, or any DM to it, as a reply to that message. Without
/// the privileged MESSAGE_CONTENT intent these are exactly the messages whose text the bot
/// receives; everything else arrives with empty content and is ignored.
/// </summary>
internal sealed partial class MentionHandler(
    BotEngine bot,
    AnswerRenderer renderer,
    DiscordRestClient rest,
    DiscordDeliveries deliveries,
    DiscordIdentity identity,
    ILogger<MentionHandler> logger)
{
    public async Task HandleAsync(JsonElement message, CancellationToken cancellationToken)
    {
        var botId = identity.BotUserId;
        var author = message.Object("author");
        if (botId is null || author is null || author.Value.Bool("bot") || author.Value.String("id") == botId || message.String("webhook_id") is not null)
        {
            // Never answer bots (two bots could answer each other for ever) or itself.
            return;
        }

        var (id, channel, content) = (message.String("id"), message.String("channel_id"), message.String("content") ?? string.Empty);
        var inGuild = message.String("guild_id") is not null;
        var mentioned = message.Array("mentions").Any(m => m.String("id") == botId);
        if (id is null || channel is null || (inGuild && !mentioned))
        {
            return;
        }

        if (!deliveries.TryFirst("message", id))
        {
            LogDuplicate(logger, id);
            return;
        }

        var text = Question(content, botId);
        try
        {
            var reply = await bot.HandleAsync(new Incoming(text.Length == 0 ? "help" : text, "discord", author.Value.String("id"), message.String("guild_id")), cancellationToken);
            var payload = renderer.Render(reply.Answer) with { MessageReference = new MessageReference(id) };
            await rest.CreateMessageAsync(channel, payload, cancellationToken);
        }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException)
        {
            // Most likely the bot may not send or embed in that channel; the log names the status.
            LogReplyFailed(logger, ex, channel);
        }
        catch
        {
            deliveries.Forget("message", id);
            throw;
        }
    }

    /// <summary>The message without the bot's mention (<c>&lt;@id&gt;</c> or the older <c>&lt;@!id&gt;</c>).</summary>
    internal static string Question(string content, string botId) =>
        Regex.Replace(content, $@"<@!?{Regex.Escape(botId)}>", " ", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Message {Id} was handled already (a replay); ignored")]
    private static partial void LogDuplicate(ILogger logger, string id);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Could not reply in channel {Channel}: does the bot have Send Messages, Embed Links and Read Message History there?")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, string channel);
}
