using CyberCode.Bot.Web.Api;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Knowledge;
using CyberCode.Core.Moderation;
using Microsoft.AspNetCore.Mvc;

namespace CyberCode.Bot.Web.Moderation;

/// <summary>What every handler needs, resolved once by the container.</summary>
internal sealed record KbContext(HttpRequest Request, BotEngine Bot, ScopedAnswers Answers, IKnowledgeStore Store)
{
    public Essay Essay => Answers.Shared.Essay;

    /// <summary>The entry as the web chat's scope sees it now.</summary>
    public Entry? Visible(string id) => Answers.EngineFor(null).Knowledge.Find(id);
}

/// <summary>How a moderation reply goes back over HTTP: 200 with the JSON, or problem+json with the same fields.</summary>
internal static class KbResults
{
    /// <summary>
    /// The reply with the status its outcome means. An entry that is shown, or that a save
    /// conflicted on, comes with its current fields, so the form can be (re)filled from them.
    /// </summary>
    public static IResult Reply(KbContext ctx, ModerationReply reply, Func<KbReplyJson, KbReplyJson>? extra = null)
    {
        var json = KbReplyJson.From(reply, ctx.Essay);
        if (reply.Outcome is ModerationOutcome.Shown or ModerationOutcome.Conflict or ModerationOutcome.Done
            && reply.EntryId is { } id && ctx.Visible(id) is { } entry)
        {
            json = json with { Entry = KbReplyJson.EntryOf(entry, reply.Revision ?? 0) };
        }

        json = extra?.Invoke(json) ?? json;
        var (status, title) = reply.Outcome switch
        {
            ModerationOutcome.Done or ModerationOutcome.Shown => (StatusCodes.Status200OK, string.Empty),
            ModerationOutcome.Invalid => (StatusCodes.Status422UnprocessableEntity, "Not accepted"),
            ModerationOutcome.NotFound => (StatusCodes.Status404NotFound, "No such entry"),
            ModerationOutcome.Conflict => (StatusCodes.Status409Conflict, "Changed since you loaded it"),
            ModerationOutcome.Duplicate => (StatusCodes.Status409Conflict, "Already answered"),
            _ => (StatusCodes.Status403Forbidden, "Not allowed"),
        };
        if (status == StatusCodes.Status200OK)
        {
            return TypedResults.Json(json, ApiJson.Options);
        }

        var problem = new ProblemDetails { Status = status, Title = title, Detail = reply.Text };
        problem.Extensions["outcome"] = json.Outcome;
        problem.Extensions["text"] = json.Text;
        problem.Extensions["entryId"] = json.EntryId;
        problem.Extensions["revision"] = json.Revision;
        problem.Extensions["citations"] = json.Citations;
        problem.Extensions["commands"] = json.Commands;
        problem.Extensions["entry"] = json.Entry;
        problem.Extensions["fields"] = json.Fields;
        return TypedResults.Problem(problem);
    }
}
