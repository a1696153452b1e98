using Microsoft.AspNetCore.Diagnostics;

namespace CyberCode.Bot.Web.Api;

/// <summary>
/// Errors of the API as <c>application/problem+json</c> (RFC 9457), each with a <c>detail</c>
/// that tells the caller what to do, so no client ever has to guess from a bare status code.
/// </summary>
internal static class ApiProblem
{
    public static IResult Result(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);

    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Result(status, title, detail).ExecuteAsync(context);

    /// <summary>
    /// Gives the bodiless errors routing produces under <c>/api</c> (no such endpoint, wrong
    /// method) a problem body too. Pages keep theirs: the web UI decides what a missing page shows.
    /// </summary>
    public static IApplicationBuilder UseApiStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/api"))
            {
                return;
            }

            var (title, detail) = http.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ("Not found", $"There is no {http.Request.Path} in this API. Ask with POST /api/ask and a body like {{\"question\": \"define cyber sovereignty\"}}."),
                StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{http.Request.Path} does not take {http.Request.Method}. Use POST with a JSON body."),
                var status => (ReasonPhrase(status), "The request could not be handled."),
            };
            await Write(http, http.Response.StatusCode, title, detail);
        });

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
