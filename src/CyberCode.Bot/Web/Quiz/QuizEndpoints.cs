using System.Globalization;
using CyberCode.Bot.Web.Api;
using CyberCode.Core;
using CyberCode.Core.Quizzes;

namespace CyberCode.Bot.Web.Quiz;

/// <summary>
/// The web chat's quiz, besides the commands typed into <c>POST /api/ask</c>:
/// <c>GET /api/quiz/events</c> (what to show: questions, reveals, the scoreboard) and
/// <c>POST /api/quiz/answer</c> (a choice button).
/// </summary>
/// <remarks>
/// The events are long-polled: a request waits up to <c>wait</c> seconds (at most
/// <see cref="MaxWaitSeconds"/>) for something new and returns the moment it comes. A page in a quiz
/// thus makes one request per event or per 20 s, a few a minute, far inside the /api rate limit
/// (300 a minute, 60 at once) even for a class behind one address, and sees a reveal at once
/// instead of up to a polling interval late. A request that is waiting ends when the client goes or
/// the service stops, so it never holds up a shutdown.
/// </remarks>
internal static class QuizEndpoints
{
    public const int MaxWaitSeconds = 25;

    private const string AnswerExample = "{\"conversation\": \"…\", \"sessionId\": \"k3x9m2pa\", \"question\": 1, \"choice\": 2, \"name\": \"Ana\"}";

    public static RouteGroupBuilder MapQuiz(this RouteGroupBuilder api)
    {
        api.MapGet("/quiz/events", EventsAsync);
        api.MapPost("/quiz/answer", AnswerAsync);
        return api;
    }

    private static async Task<IResult> EventsAsync(
        string? conversation,
        string? after,
        string? wait,
        WebQuizFeed feed,
        IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        if (WebConversation.CheckId(conversation, required: true) is { } problem)
        {
            return problem;
        }

        long from = 0;
        if (!string.IsNullOrEmpty(after) && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out from)))
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Bad after", "\"after\" is the \"last\" of the previous response: a whole number, 0 or more.");
        }

        var seconds = 0;
        if (!string.IsNullOrEmpty(wait)
            && (!int.TryParse(wait, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) || seconds > MaxWaitSeconds))
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Bad wait", $"\"wait\" is how many seconds to wait for an event: 0 to {MaxWaitSeconds}.");
        }

        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            var events = await feed.ReadAsync(conversation!, from, TimeSpan.FromSeconds(seconds), ended.Token);
            return TypedResults.Json(events, ApiJson.Options);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The service is stopping: answer "nothing new"; the page asks again and finds it gone or back.
            return TypedResults.Json(new QuizEventsJson([], from, false, DateTimeOffset.UtcNow), ApiJson.Options);
        }
    }

    private static async Task<IResult> AnswerAsync(HttpRequest request, BotEngine bot, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<AnswerRequest>(request, AnswerExample, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if ((WebConversation.CheckId(body!.Conversation, required: true) ?? WebConversation.CheckName(body.Name)) is { } bad)
        {
            return bad;
        }

        if (string.IsNullOrEmpty(body.SessionId) || body.SessionId.Length > 16 || !body.SessionId.All(char.IsAsciiLetterOrDigit))
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Which quiz?", $"Send the quiz's \"sessionId\" from its question event, e.g. {AnswerExample}.");
        }

        if (body.Question is not ({ } question and >= 1 and <= QuizOptions.MaxQuestions) || body.Choice is not ({ } choice and >= 1 and <= 9))
        {
            return ApiProblem.Result(StatusCodes.Status400BadRequest, "Which choice?", $"Send the question's \"number\" and the 1-based \"choice\", e.g. {AnswerExample}.");
        }

        var player = WebConversation.Player(body.Conversation!, body.Name);
        var result = await bot.Quizzes.SubmitAsync(new QuizClick(WebQuizPresenter.ChannelName, body.SessionId, question, choice, player), cancellationToken);
        return TypedResults.Json(QuizAnswerJson.From(result), ApiJson.Options);
    }

    private sealed record AnswerRequest(string? Conversation, string? SessionId, int? Question, int? Choice, string? Name);
}
