using CyberCode.Core.Answering;
using CyberCode.Core.Quizzes;

namespace CyberCode.Core;

/// <summary>
/// A message to the bot from any channel, stripped of the platform's shape. Permission facts
/// are read at the edge and passed in.
/// </summary>
/// <param name="Text">What the person typed (mentions of the bot already removed).</param>
/// <param name="Channel">Where it came from: <c>cli</c>, <c>web</c>, <c>discord</c>, <c>teams</c>.</param>
/// <param name="UserId">Who asked, in the channel's own ids, when known.</param>
/// <param name="ScopeId">The server (Discord guild) or tenant (Teams) it belongs to, when any.</param>
public sealed record Incoming(string Text, string Channel, string? UserId = null, string? ScopeId = null)
{
    /// <summary>
    /// The conversation inside the scope: Discord channel id, Teams conversation id, web chat
    /// session. Quizzes run one per conversation; when null, each user is their own conversation.
    /// </summary>
    public string? ConversationId { get; init; }

    /// <summary>The name to show on scoreboards; the user id when null.</summary>
    public string? UserName { get; init; }

    /// <summary>
    /// Whether the sender moderates this server or team: may stop anyone's quiz, change quiz
    /// settings, and change the knowledge base of <see cref="ScopeId"/> with <c>kb</c> commands.
    /// </summary>
    public bool IsModerator { get; init; }

    /// <summary>
    /// Only this person and the bot are in the conversation (CLI, web chat, a DM): a quiz reveals
    /// each question as soon as they answer.
    /// </summary>
    public bool IsDirect { get; init; }

    /// <summary>
    /// Opaque to Core: whatever the channel needs to post into this conversation later (a Teams
    /// conversation reference, a Discord interaction token). Stored with a quiz and given back to
    /// the channel's <see cref="IQuizPresenter"/> in <see cref="QuizTarget.ReplyTo"/>.
    /// </summary>
    public string? ReplyTo { get; init; }

    /// <summary>The quiz place of this message (<see cref="ConversationId"/>, else the user).</summary>
    public QuizPlace Place => new(Channel, ScopeId, ConversationId ?? "user:" + (UserId ?? string.Empty));

    /// <summary>The sender as a quiz player.</summary>
    public QuizPlayer Player => new(UserId ?? "anonymous", string.IsNullOrWhiteSpace(UserName) ? UserId ?? "anonymous" : UserName);
}

/// <summary>What the bot says back, channel-neutral; each channel adapter renders it.</summary>
/// <param name="Answer">What every channel can show: for a quiz command, a plain-text rendering with kind <c>quiz</c>.</param>
public sealed record Reply(Answer Answer)
{
    /// <summary>Set when the message was a quiz command: for channels that render quizzes richly.</summary>
    public QuizReply? Quiz { get; init; }

    /// <summary>Set when the message was a <c>kb</c> command: its outcome, suggested commands and any file (the export).</summary>
    public Moderation.ModerationReply? Moderation { get; init; }
}
