using System.Text.Json;

namespace CyberCode.Bot.Web.Api;

/// <summary>
/// Reads a small JSON request body, turning every way it can be wrong into a problem result with
/// a friendly detail instead of an exception: wrong content type (415), too large (413), not JSON
/// or not the expected shape (400).
/// </summary>
internal static class JsonBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, string example, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblem.Result(
                StatusCodes.Status415UnsupportedMediaType,
                "Send JSON",
                $"Send the body as JSON with the header Content-Type: application/json, e.g. {example}."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null
                ? (null, NotJson(example))
                : (value, null);
        }
        catch (JsonException)
        {
            return (null, NotJson(example));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return (null, ApiProblem.Result(
                StatusCodes.Status413PayloadTooLarge,
                "Request too large",
                $"The body is larger than this service accepts{(limit is { } l ? $" ({l} bytes)" : string.Empty)}. Ask a shorter question."));
        }
    }

    private static IResult NotJson(string example) => ApiProblem.Result(
        StatusCodes.Status400BadRequest,
        "Not valid JSON",
        $"The body must be a JSON object like {example}.");
}
