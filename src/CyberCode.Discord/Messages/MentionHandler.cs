using System.Text.Json;
using System.Text.RegularExpressions;
using CyberCode.Core;
using CyberCode.Core.Quizzes;
using CyberCode.Discord.Interactions;
using CyberCode.Discord.Quizzes;
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
    ModeratorCheck moderators,
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
        var quiz = QuizCommand.TryParse(text, out var command) ? command.Verb : (QuizVerb?)null;
        try
        {
            // Starting a quiz posts its first question while the start is handled, and a typed
            // answer that closes a question (always so alone in a DM) posts the reveal and the next
            // question. The reply holds its place first, as a deferred slash command does, and then
            // becomes the announcement or "You chose 2" (or the reason it was refused), so the
            // channel reads in order: the message, its reply, then the next question.
            var holding = quiz switch
            {
                QuizVerb.Start => StartingQuiz,
                QuizVerb.Answer => CheckingAnswer,
                _ => null,
            };
            var placeholder = holding is not null
                ? await rest.CreateMessageAsync(channel, new MessagePayload(Content: holding, MessageReference: new MessageReference(id)), cancellationToken)
                : null;
            var payload = inGuild && quiz == QuizVerb.Practice
                ? AnswerRenderer.Notice(PracticeInPublic) with { Flags = null }
                : await AnswerAsync(text, message, author.Value, channel, inGuild, cancellationToken);
            if (placeholder is not null)
            {
                await rest.EditMessageAsync(channel, placeholder, payload with { Content = payload.Content ?? string.Empty }, cancellationToken);
            }
            else
            {
                await rest.CreateMessageAsync(channel, payload with { MessageReference = new MessageReference(id) }, cancellationToken);
            }
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

    /// <summary>What a quiz start's reply says until the quiz has opened.</summary>
    internal const string StartingQuiz = "Starting a quiz…";

    /// <summary>What the reply to a typed choice says until the answer is counted.</summary>
    internal const string CheckingAnswer = "Checking your answer…";

    /// <summary>Only an interaction's follow-ups can be private in a server, and a mention has none.</summary>
    internal const string PracticeInPublic = "A practice round is private: use /quiz practice here (only you will see it), or send me \"quiz practice\" in a direct message.";

    /// <summary>
    /// Asks the engine as the author, in this channel. A message carries no permissions (working
    /// them out needs the guild's roles and the channel's overwrites), only the member's role ids:
    /// its author moderates only by holding the server's moderator role (<c>/kb settings</c>).
    /// Members with Manage Server or Manage Messages use /kb and /quiz stop, whose interactions carry them.
    /// </summary>
    private async Task<MessagePayload> AnswerAsync(string text, JsonElement message, JsonElement author, string channel, bool inGuild, CancellationToken cancellationToken)
    {
        var incoming = new Incoming(text.Length == 0 ? "help" : text, DiscordQuizPresenter.ChannelName, author.String("id"), message.String("guild_id"))
        {
            ConversationId = channel,
            UserName = message.Object("member")?.String("nick") ?? author.String("global_name") ?? author.String("username"),
            IsModerator = await moderators.IsModeratorAsync(message.String("guild_id"), message.Object("member"), cancellationToken),
            IsDirect = !inGuild,

            // A DM's practice round is posted there with the bot's token (in a server one is refused above).
            ReplyTo = inGuild ? null : DiscordReplyTo.Channel(channel),
        };
        var reply = await bot.HandleAsync(incoming, cancellationToken);

        // A reply to a message cannot be ephemeral: private quiz replies are shown as replies to their asker.
        return reply.Quiz is { } quiz ? QuizMessages.Reply(quiz, canBePrivate: false)
            : reply.Moderation is { } moderation ? ModerationRenderer.Render(moderation) with { Flags = null }
            : renderer.Render(reply.Answer);
    }

    /// <summary>The message without the bot's mention (<c>&lt;@id&gt;</c> or the older <c>&lt;@!id&gt;</c>).</summary>
    internal static string Question(string content, string botId) =>
        Regex.Replace(content, $@"<@!?{Regex.Escape(botId)}>", " ", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim();

    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug, Message = "Message {Id} was handled already (a replay); ignored")]
    private static partial void LogDuplicate(ILogger logger, string id);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Could not reply in channel {Channel}: does the bot have Send Messages, Embed Links and Read Message History there?")]
    private static partial void LogReplyFailed(ILogger logger, Exception exception, string channel);
}
