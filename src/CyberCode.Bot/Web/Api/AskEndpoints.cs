using System.Diagnostics;
using CyberCode.Bot.Contract;
using CyberCode.Bot.Web.Metrics;
using CyberCode.Bot.Web.Protection;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Learning;

namespace CyberCode.Bot.Web.Api;

/// <summary>
/// <c>POST /api/ask</c> and <c>POST /api/feedback</c>: the web channel's adapter. Both go through
/// <see cref="BotEngine"/>, so misses and feedback are remembered as in every other channel.
/// </summary>
internal static class AskEndpoints
{
    private const string Channel = "web";
    private const string AskExample = "{\"question\": \"define cyber sovereignty\"}";
    private const string FeedbackExample = "{\"question\": \"define cyber sovereignty\", \"helpful\": true, \"entryId\": \"cyber-sovereignty\"}";

    public static WebApplication MapApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireRateLimiting(ApiRateLimiting.PolicyName);
        api.MapPost("/ask", AskAsync);
        api.MapPost("/feedback", FeedbackAsync);
        return app;
    }

    private static async Task<IResult> AskAsync(HttpRequest request, BotEngine bot, AnswerMetrics metrics, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<AskRequest>(request, AskExample, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Question))
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "No question", $"Put the question in the body, e.g. {AskExample}.");
        }

        var started = Stopwatch.GetTimestamp();
        var reply = await bot.HandleAsync(new Incoming(body.Question, Channel), cancellationToken);
        metrics.Record(reply.Answer, Channel, Stopwatch.GetElapsedTime(started));
        return TypedResults.Json(AnswerJson.ForWeb(reply.Answer), ApiJson.Options);
    }

    private static async Task<IResult> FeedbackAsync(HttpRequest request, BotEngine bot, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<FeedbackRequest>(request, FeedbackExample, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var question = body!.Question?.Trim() ?? string.Empty;
        if (question.Length == 0)
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "No question", $"Say which question the answer was for, e.g. {FeedbackExample}.");
        }

        if (question.Length > AnswerEngine.MaxQuestionLength)
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Question too long", $"The question can be at most {AnswerEngine.MaxQuestionLength} characters.");
        }

        if (body.Helpful is not { } helpful)
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Helpful or not?", $"Say whether the answer helped with \"helpful\": true or false, e.g. {FeedbackExample}.");
        }

        if (body.EntryId is { Length: > 200 } || body.Kind is { Length: > 50 })
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Not an answer of this bot", "entryId and kind must be the ones /api/ask returned.");
        }

        await bot.FeedbackAsync(new Feedback(question, helpful, Channel, EntryId: NullIfEmpty(body.EntryId), AnswerKind: NullIfEmpty(body.Kind)), cancellationToken);
        return TypedResults.NoContent();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private sealed record AskRequest(string? Question);

    private sealed record FeedbackRequest(string? Question, bool? Helpful, string? EntryId, string? Kind);
}
