using System.Text.Json;
using CyberCode.Discord.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CyberCode.Discord.Interactions;

/// <summary>
/// <c>POST /api/discord/interactions</c>, the application's Interactions Endpoint URL. The
/// signature is checked on the raw bytes before anything is parsed; every refusal is a problem
/// body with a 4xx status, never a 500.
/// </summary>
internal static partial class InteractionsEndpoint
{
    public const string Path = "/api/discord/interactions";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, HandleAsync).DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpContext http, SignatureVerifier verifier, IOptions<DiscordOptions> options, CancellationToken cancellationToken)
    {
        if (!verifier.Configured)
        {
            // Off, as if the route did not exist, and says which setting turns it on.
            return Problem(StatusCodes.Status404NotFound, "Discord interactions are off", "This service has no Discord public key. Set Discord:PublicKey to the application's public key (Developer Portal, General Information) to use it as the Interactions Endpoint URL.");
        }

        var limit = options.Value.MaxInteractionBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            // A button press carries the whole message it was on, which can outgrow the API's limit for questions.
            size.MaxRequestBodySize = limit;
        }

        var body = await ReadAsync(http.Request, limit, cancellationToken);
        if (body is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Interaction too large", $"An interaction body may be at most {limit} bytes (Discord:MaxInteractionBytes).");
        }

        var headers = http.Request.Headers;
        if (!verifier.IsValid(headers["X-Signature-Ed25519"], headers["X-Signature-Timestamp"], body))
        {
            return Problem(StatusCodes.Status401Unauthorized, "Invalid request signature", "The X-Signature-Ed25519 and X-Signature-Timestamp headers must sign the body with the application's key.");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed interaction", "The body is not JSON.");
        }

        using (doc)
        {
            var services = http.RequestServices;
            var handler = services.GetRequiredService<InteractionHandler>();
            // The answer may outlive this request (a deferred one is finished by an edit), so it is
            // tied to the service's lifetime rather than to the request.
            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            InteractionOutcome? outcome;
            try
            {
                outcome = await handler.HandleAsync(doc.RootElement.Clone(), stopping);
            }
            catch (BadInteractionException ex)
            {
                return Problem(StatusCodes.Status400BadRequest, "Unreadable interaction", ex.Message);
            }

            if (outcome is null)
            {
                return Problem(StatusCodes.Status409Conflict, "Interaction already handled", "This interaction id was answered before.");
            }

            if (outcome.Pending is { } pending && doc.RootElement.String("token") is { } token)
            {
                // The edit must not reach Discord before the deferral it edits: start it once the response is sent.
                http.Response.OnCompleted(() =>
                {
                    _ = handler.CompleteAsync(token, pending, stopping);
                    return Task.CompletedTask;
                });
            }

            return Results.Json(outcome.Response, DiscordJson.Options);
        }
    }

    /// <summary>The raw body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
