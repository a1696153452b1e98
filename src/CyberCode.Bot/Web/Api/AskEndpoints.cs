using System.Diagnostics;
using CyberCode.Bot.Contract;
using CyberCode.Bot.Web.Metrics;
using CyberCode.Bot.Web.Moderation;
using CyberCode.Bot.Web.Protection;
using CyberCode.Bot.Web.Quiz;
using CyberCode.Core;
using CyberCode.Core.Answering;
using CyberCode.Core.Learning;
using CyberCode.Core.Quizzes;
using Microsoft.Extensions.Options;

namespace CyberCode.Bot.Web.Api;

/// <summary>
/// <c>POST /api/ask</c> and <c>POST /api/feedback</c>: the web channel's adapter. Both go through
/// <see cref="BotEngine"/>, so misses and feedback are remembered as in every other channel. The
/// web chat sends its tab's <c>conversation</c> id and a <c>name</c> with each question, so quiz
/// commands work there (<see cref="QuizEndpoints"/> has the rest); both are optional.
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
        api.MapQuiz();
        api.MapModeration();
        return app;
    }

    private static async Task<IResult> AskAsync(HttpRequest request, BotEngine bot, AnswerMetrics metrics, IOptions<WebOptions> options, CancellationToken cancellationToken)
    {
        // Only a request with the configured admin token moderates (kb commands); everyone else is refused by the bot itself.
        var admin = options.Value.IsAdmin(request.Headers.Authorization.ToString());
        var (body, problem) = await JsonBody.ReadAsync<AskRequest>(request, AskExample, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Question))
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "No question", $"Put the question in the body, e.g. {AskExample}.");
        }

        if ((WebConversation.CheckId(body.Conversation, required: false) ?? WebConversation.CheckName(body.Name)) is { } bad)
        {
            return bad;
        }

        var started = Stopwatch.GetTimestamp();
        var reply = body.Conversation is { Length: > 0 } conversation
            ? await bot.HandleAsync(InConversation(body.Question, conversation, body.Name) with { IsModerator = admin }, cancellationToken)
            : StartsQuiz(body.Question) ?? await bot.HandleAsync(new Incoming(body.Question, Channel, admin ? "admin" : null) { IsModerator = admin }, cancellationToken);
        metrics.Record(reply.Answer, Channel, Stopwatch.GetElapsedTime(started));
        var json = AnswerJson.ForWeb(reply.Answer);
        return TypedResults.Json(reply.Quiz is { } quiz ? json with { Quiz = QuizReplyJson.From(quiz) } : json, ApiJson.Options);
    }

    /// <summary>
    /// One browser tab: one person's conversation with the bot (so a quiz there is solo and each
    /// question is revealed as soon as they answer). The id is the player too; see <see cref="WebConversation"/>.
    /// </summary>
    private static Incoming InConversation(string text, string conversation, string? name) =>
        new(text, Channel, conversation)
        {
            ConversationId = conversation,
            UserName = WebConversation.NameOrDefault(name),
            IsDirect = true,
            ReplyTo = conversation,
        };

    /// <summary>
    /// A client without a conversation (curl, an older page) has nowhere to see a quiz's questions,
    /// and all such clients would share one place: a start is turned down with how to do it.
    /// </summary>
    private static Reply? StartsQuiz(string text)
    {
        if (!QuizCommand.TryParse(text, out var command) || command.Verb is not (QuizVerb.Start or QuizVerb.Practice))
        {
            return null;
        }

        var why = "A quiz needs a conversation to show its questions in: play it in the web chat at /, "
            + "or send \"conversation\" (" + WebConversation.IdRule + ") with the question and read GET /api/quiz/events.";
        return new Reply(new Answer(text.Trim(), true, QuizService.AnswerKind, why, 1.0, [], []))
        {
            Quiz = new QuizReply(QuizReplyKind.Refused, why) { Private = true },
        };
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

    private sealed record AskRequest(string? Question, string? Conversation, string? Name);

    private sealed record FeedbackRequest(string? Question, bool? Helpful, string? EntryId, string? Kind);
}
