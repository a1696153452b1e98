using CyberCode.Teams.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CyberCode.Teams.Activities;

/// <summary>
/// <c>POST /api/messages</c>, where the Bot Framework Connector delivers Teams activities: read
/// and check the activity, authenticate the caller, queue it and answer 200 at once. Bad input
/// is a 4xx, a bad or missing token 401/403; nothing reaches the bot unless all checks pass.
/// </summary>
internal static class MessagesEndpoint
{
    public const string Path = "/api/messages";

    public static async Task<IResult> HandleAsync(HttpContext http, InboundAuth auth, ActivityQueue queue, IOptions<TeamsOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.MaxActivityBytes;
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!options.Value.IsLocalDevelopment && string.IsNullOrWhiteSpace(authorization))
        {
            // Before reading a byte of the body: an anonymous caller gets nothing parsed.
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "A bearer token from the Bot Framework is required.");
        }

        if (http.Request.ContentLength > limit)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may be at most {limit} bytes.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // The service's general body limit is sized for questions; activities are bigger.
            size.MaxRequestBodySize = limit;
        }

        byte[] body;
        try
        {
            body = await ReadAsync(http.Request.Body, limit, cancellationToken);
        }
        catch (BadHttpRequestException ex)
        {
            return Problem(ex.StatusCode, "Bad request", ex.Message);
        }
        catch (InvalidDataException)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Activity too large", $"An activity may be at most {limit} bytes.");
        }

        var (activity, problem) = ActivityJson.Parse(body);
        if (activity is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Not an activity", problem!);
        }

        var result = await auth.ValidateAsync(string.IsNullOrWhiteSpace(authorization) ? null : authorization, activity, cancellationToken);
        if (!result.Ok)
        {
            return Problem(result.StatusCode, result.StatusCode switch { 503 => "Try again", 403 => "Forbidden", _ => "Unauthorized" }, result.Problem!);
        }

        if (activity.Type == "invoke")
        {
            // CyberCode's cards use Action.Submit (a message), never Action.Execute; an
            // adaptiveCard/action that comes anyway gets the response shape Teams expects.
            return activity.Name == "adaptiveCard/action"
                ? Results.Json(new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = "Please type your question to CyberCode." })
                : Results.Ok();
        }

        return queue.TryEnqueue(activity) switch
        {
            ActivityQueue.Outcome.Full => Problem(StatusCodes.Status503ServiceUnavailable, "Busy", "Too many activities are waiting; the Connector will retry."),
            _ => Results.Ok(),
        };
    }

    private static async Task<byte[]> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new InvalidDataException("Body too large.");
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
