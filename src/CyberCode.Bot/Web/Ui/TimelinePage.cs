using System.Globalization;

namespace CyberCode.Bot.Web.Ui;

/// <summary>
/// The timeline at <c>/timeline</c>: the dated events on a vertical line, grouped under year
/// markers, each linking to its quote in the essay reader. Plain HTML and CSS: it needs no script.
/// </summary>
internal static class TimelinePage
{
    public static string Render(UiAssets assets, IReadOnlyList<TimelineEvent> events)
    {
        var years = events.GroupBy(e => e.Year).ToArray();
        var span = years.Length == 0 ? string.Empty : $", {years[0].Key}–{years[^1].Key}";
        return Layout.Render(assets, UiPage.Timeline, "Timeline · CyberCode", html =>
        {
            html.Raw("<div class=\"timeline-page\">\n<header class=\"page-head\">")
                .Element("h1", null, "Timeline" + span)
                .Raw("<p class=\"lede\">The ").Text(Num(events.Count))
                .Raw(" events the essay and its notes date, oldest first. Each links to the words of the essay it rests on.</p>");
            if (years.Length > 1)
            {
                html.Raw("<nav class=\"years\" aria-label=\"Years\"><ul>");
                foreach (var year in years)
                {
                    html.Raw("<li>").Link($"#y{Num(year.Key)}", Num(year.Key)).Raw("</li>");
                }

                html.Raw("</ul></nav>");
            }

            html.Raw("</header>\n<ol class=\"timeline\">\n");
            foreach (var year in years)
            {
                html.Raw("<li class=\"year\" id=\"y").Raw(Num(year.Key)).Raw("\">")
                    .Raw("<h2 class=\"year-mark\">").Raw(Num(year.Key)).Raw("</h2>\n<ol class=\"events\">\n");
                foreach (var e in year)
                {
                    WriteEvent(html, e);
                }

                html.Raw("</ol></li>\n");
            }

            html.Raw("</ol>\n</div>\n");
        });
    }

    private static void WriteEvent(HtmlBuilder html, TimelineEvent e)
    {
        html.Raw("<li class=\"event\" id=\"").Text(e.Id).Raw("\">")
            .Raw("<p class=\"date\"><time datetime=\"").Text(e.Date).Raw("\">").Text(e.DateText).Raw("</time></p>")
            .Element("h3", null, e.Title)
            .Element("p", "summary", e.Text);
        if (e.Link is not null && e.PassageId is not null)
        {
            html.Raw("<p class=\"source\"><a href=\"").Text(e.Link).Raw("\">Read it in the essay<span class=\"pid-chip\">")
                .Text(e.PassageId).Raw("</span></a></p>");
        }

        html.Raw("</li>\n");
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
