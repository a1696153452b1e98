using CyberCode.Core.Answering;

namespace CyberCode.Core;

/// <summary>
/// A message to the bot from any channel, stripped of the platform's shape. Permission facts
/// are read at the edge and passed in.
/// </summary>
/// <param name="Text">What the person typed (mentions of the bot already removed).</param>
/// <param name="Channel">Where it came from: <c>cli</c>, <c>web</c>, <c>discord</c>, <c>teams</c>.</param>
/// <param name="UserId">Who asked, in the channel's own ids, when known.</param>
/// <param name="ScopeId">The server (Discord guild) or tenant (Teams) it belongs to, when any.</param>
public sealed record Incoming(string Text, string Channel, string? UserId = null, string? ScopeId = null);

/// <summary>What the bot says back, channel-neutral; each channel adapter renders it.</summary>
public sealed record Reply(Answer Answer);
