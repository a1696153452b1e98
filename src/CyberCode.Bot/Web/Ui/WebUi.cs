using CyberCode.Core.Knowledge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CyberCode.Bot.Web.Ui;

/// <summary>
/// The browser side of the service: the web chat at <c>/</c>, the essay reader at <c>/essay</c>,
/// the timeline at <c>/timeline</c>, their assets under <c>/ui/</c>, and the essay and timeline as
/// JSON (<c>GET /api/essay</c>, <c>GET /api/timeline</c>). Everything comes from the
/// <see cref="KnowledgeBase"/> singleton; the chat asks <c>POST /api/ask</c> like any client.
/// </summary>
internal static class WebUi
{
    public const string AssetPath = "/ui";

    private const string HtmlType = "text/html; charset=utf-8";

    // Link checkers and uptime probes ask with HEAD; the server sends the headers without the body.
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    public static WebApplication MapWebUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var assets = UiAssets.Load();

        // Endpoints rather than the static-files middleware: an endpoint is matched before any
        // fallback the host maps, and these few files are served from memory anyway.
        app.MapMethods(AssetPath + "/{name}", GetOrHead, (string name, string? v, HttpContext context) => Asset(assets, name, v, context))
            .ExcludeFromDescription();

        app.MapMethods("/", GetOrHead, (KnowledgeBase knowledge) => Results.Content(ChatPage.Render(assets, knowledge.Essay), HtmlType));
        app.MapMethods("/essay", GetOrHead, (KnowledgeBase knowledge, string? hl) => Results.Content(EssayPage.Render(assets, knowledge.Essay, hl), HtmlType));
        app.MapMethods("/moderate", GetOrHead, () => Results.Content(ModeratePage.Render(assets), HtmlType));
        app.MapMethods("/timeline", GetOrHead, (KnowledgeBase knowledge) => Results.Content(TimelinePage.Render(assets, TimelineView.From(knowledge)), HtmlType));

        app.MapGet("/api/essay", (KnowledgeBase knowledge) => Results.Ok(EssayView.From(knowledge.Essay)));
        app.MapGet("/api/timeline", (KnowledgeBase knowledge) => Results.Ok(new TimelineJson(TimelineView.From(knowledge))));
        return app;
    }

    private static IResult Asset(UiAssets assets, string name, string? version, HttpContext context)
    {
        if (assets.Find(name) is not { } asset)
        {
            return Results.NotFound();
        }

        // A URL with the current version never changes meaning; any other is checked each time.
        context.Response.Headers.CacheControl = version == asset.Version
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        return Results.File(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }
}

/// <summary>The body of <c>GET /api/timeline</c>.</summary>
internal sealed record TimelineJson(IReadOnlyList<TimelineEvent> Events);
