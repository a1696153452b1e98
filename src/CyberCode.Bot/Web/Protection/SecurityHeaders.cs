namespace CyberCode.Bot.Web.Protection;

/// <summary>
/// Headers that tell a browser to treat our pages strictly: no sniffing, no framing, scripts and
/// styles only from our own origin (the web UI uses no inline script or style, so none is allowed).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the response starts, not now: the exception handler clears the headers of a
        // failed response, and the error a visitor then sees needs them as much as the page.
        context.Response.OnStarting(
            static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    // A page that needs a narrower policy may set its own; none may be wider.
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }

                return Task.CompletedTask;
            },
            context.Response);
        return next(context);
    });
}
