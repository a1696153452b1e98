namespace CyberCode.Bot.Web.Ui;

/// <summary>The pages of the web UI.</summary>
internal enum UiPage
{
    Chat,
    Essay,
    Timeline,
    Moderate,
}

/// <summary>
/// The frame every page shares: head, header with the three pages, footer. Scripts and styles
/// are separate files because the Content-Security-Policy allows no inline script or style.
/// </summary>
internal static class Layout
{
    public static string Render(UiAssets assets, UiPage page, string title, Action<HtmlBuilder> main)
    {
        var (stylesheets, script) = page switch
        {
            UiPage.Chat => (new[] { "chat.css" }, "chat.js"),
            UiPage.Essay => (["reader.css"], "essay.js"),
            // The console shows replies' quotes as the chat does, so it takes the chat's styles too.
            UiPage.Moderate => (["chat.css", "moderate.css"], "moderate.js"),
            _ => (["reader.css"], (string?)null),
        };

        var html = new HtmlBuilder();
        html.Raw("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Raw("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Raw("<title>").Text(title).Raw("</title>\n")
            .Raw("<link rel=\"icon\" type=\"image/svg+xml\" href=\"").Text(assets.Url("favicon.svg")).Raw("\">\n")
            .Raw("<link rel=\"stylesheet\" href=\"").Text(assets.Url("site.css")).Raw("\">\n");
        foreach (var stylesheet in stylesheets)
        {
            html.Raw("<link rel=\"stylesheet\" href=\"").Text(assets.Url(stylesheet)).Raw("\">\n");
        }

        if (script is not null)
        {
            html.Raw("<script type=\"module\" src=\"").Text(assets.Url(script)).Raw("\"></script>\n");
        }

        html.Raw("</head>\n<body class=\"page-").Raw(page.ToString().ToLowerInvariant()).Raw("\">\n")
            .Raw("<a class=\"skip\" href=\"#main\">Skip to content</a>\n")
            .Raw("<header class=\"site\"><div class=\"bar\">")
            .Raw("<a class=\"brand\" href=\"/\"><img src=\"").Text(assets.Url("favicon.svg")).Raw("\" alt=\"\" width=\"24\" height=\"24\">CyberCode</a>")
            .Raw("<nav aria-label=\"Pages\"><ul>");
        NavItem(html, page, UiPage.Chat, "/", "Chat");
        NavItem(html, page, UiPage.Essay, "/essay", "Essay");
        NavItem(html, page, UiPage.Timeline, "/timeline", "Timeline");
        NavItem(html, page, UiPage.Moderate, "/moderate", "Moderate");
        html.Raw("</ul></nav></div></header>\n")
            .Raw("<main id=\"main\" tabindex=\"-1\">\n");
        main(html);
        html.Raw("</main>\n")
            .Raw("<footer class=\"site\"><p>Answers and quotes come from <cite>The International Cyber Security Code</cite> ")
            .Raw("by Xiaotong Liu (2017). Every quote links to its place in the <a href=\"/essay\">essay</a>.</p></footer>\n")
            .Raw("</body>\n</html>\n");
        return html.ToString();
    }

    private static void NavItem(HtmlBuilder html, UiPage current, UiPage page, string href, string label)
    {
        html.Raw("<li><a href=\"").Raw(href).Raw("\"");
        if (current == page)
        {
            html.Raw(" aria-current=\"page\"");
        }

        html.Raw(">").Raw(label).Raw("</a></li>");
    }
}
