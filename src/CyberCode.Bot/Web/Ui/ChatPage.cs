using CyberCode.Core.Knowledge;

namespace CyberCode.Bot.Web.Ui;

/// <summary>
/// The web chat at <c>/</c>: the frame only (transcript, starters, the question box). Answers are
/// fetched from <c>POST /api/ask</c> and laid out by <c>chat.js</c>, with text content only.
/// </summary>
internal static class ChatPage
{
    /// <summary>The questions offered on an empty transcript.</summary>
    public static readonly IReadOnlyList<string> Starters = ["define cyber sovereignty", "what changed in 2015", "timeline"];

    public static string Render(UiAssets assets, Essay essay) =>
        Layout.Render(assets, UiPage.Chat, "CyberCode · ask the essay", html =>
        {
            html.Raw("<div class=\"chat\">\n<header class=\"page-head\"><div class=\"title-row\"><h1>Ask the essay</h1>")
                .Raw("<button type=\"button\" id=\"clear\" class=\"small\" hidden>New conversation</button></div>")
                .Raw("<p class=\"lede\">Questions about <cite>").Text(essay.Title).Raw("</cite> (")
                .Text(essay.Author).Raw(", ").Text(essay.Published.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Raw("). Every answer quotes the passage it rests on.</p></header>\n")
                .Raw("<noscript><p class=\"notice\">The chat needs JavaScript. The <a href=\"/essay\">essay</a> and the ")
                .Raw("<a href=\"/timeline\">timeline</a> work without it.</p></noscript>\n")
                .Raw("<section id=\"transcript\" class=\"transcript\" role=\"log\" aria-live=\"polite\" aria-relevant=\"additions\" aria-label=\"Conversation\">\n")
                .Raw("<div id=\"starters\" class=\"starters\"><p>Not sure where to start? Try one of these:</p><ul>");
            foreach (var starter in Starters)
            {
                html.Raw("<li><button type=\"button\" class=\"chip\" data-ask=\"").Text(starter).Raw("\">").Text(starter).Raw("</button></li>");
            }

            // A quiz is a command, not a question: its button says what it does.
            html.Raw("<li><button type=\"button\" class=\"chip chip-quiz\" data-ask=\"quiz start\">Start a quiz</button></li>")
                .Raw("</ul></div>\n</section>\n")
                .Raw("<form id=\"ask\" class=\"ask\" autocomplete=\"off\">")
                .Raw("<label for=\"question\">Your question</label>")
                .Raw("<div class=\"ask-row\"><input id=\"question\" name=\"question\" type=\"text\" maxlength=\"2000\" ")
                .Raw("placeholder=\"e.g. what is the SCO?\" enterkeyhint=\"send\" autofocus aria-describedby=\"ask-status\">")
                .Raw("<button type=\"submit\" class=\"send\">Ask</button></div>")
                .Raw("<p id=\"ask-status\" class=\"ask-status\" aria-live=\"polite\"></p>")
                .Raw("</form>\n</div>\n");
        });
}
