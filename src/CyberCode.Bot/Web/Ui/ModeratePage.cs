using System.Globalization;

namespace CyberCode.Bot.Web.Ui;

/// <summary>
/// The moderation console at <c>/moderate</c>: the frame of its forms, labelled and with the
/// rules as hints. Nothing here is data; <c>moderate.js</c> asks for the admin token (kept in the
/// tab's sessionStorage, never in a URL), talks to <c>/api/kb</c> and fills in stored text as text.
/// </summary>
internal static class ModeratePage
{
    // The rules of Core's EntryRules and the loader, as hints; the service checks them again.
    public const int MaxTitle = 300;
    public const int MinText = 10;
    public const int MaxText = 1200;
    public const int MaxQuote = 600;
    public const int MaxQuotes = 5;
    public const int MaxPhrasings = 40;

    public static string Render(UiAssets assets) =>
        Layout.Render(assets, UiPage.Moderate, "CyberCode · moderate", html =>
        {
            html.Raw("<div class=\"mod\">\n<header class=\"page-head\"><h1>Moderate the knowledge base</h1>")
                .Raw("<p class=\"lede\">Fix what the bot missed, add and correct entries. A change applies to the web chat and ")
                .Raw("<code>cybercode chat</code> from the next question, and every change is a revision you can undo.</p></header>\n")
                .Raw("<noscript><p class=\"notice\">This page needs JavaScript. The same commands work as text: type <code>kb help</code> in the chat with the admin token.</p></noscript>\n");

            // Signing in: a password field, so the token is not shown or remembered by the browser's form history.
            html.Raw("<section id=\"login\" class=\"card\" aria-labelledby=\"login-h\"><h2 id=\"login-h\">Sign in</h2>")
                .Raw("<form id=\"login-form\" class=\"stack\" autocomplete=\"off\">")
                .Raw("<div class=\"field\"><label for=\"token\">Admin token</label>")
                .Raw("<input id=\"token\" name=\"token\" type=\"password\" required spellcheck=\"false\" autocomplete=\"off\" aria-describedby=\"token-hint login-error\">")
                .Raw("<p id=\"token-hint\" class=\"hint\">The service's <code>Web:AdminToken</code>. It is kept in this tab only and forgotten when you close it.</p>")
                .Raw("<p id=\"login-error\" class=\"field-error\" role=\"alert\"></p></div>")
                .Raw("<div class=\"actions\"><button type=\"submit\" class=\"primary\">Sign in</button></div></form></section>\n");

            html.Raw("<div id=\"console\" hidden>\n")
                .Raw("<div class=\"mod-bar\"><p id=\"who\" class=\"who\">Signed in as moderator of the web chat.</p>")
                .Raw("<button type=\"button\" id=\"logout\" class=\"small\">Sign out</button></div>\n")
                .Raw("<nav class=\"mod-nav\" aria-label=\"Moderation\"><ul>")
                .Raw("<li><a href=\"#misses\">Misses</a></li><li><a href=\"#add\">Add</a></li><li><a href=\"#edit\">Edit</a></li>")
                .Raw("<li><a href=\"#changes\">Changes</a></li><li><a href=\"#transfer\">Export / import</a></li></ul></nav>\n");

            html.Raw("<section id=\"misses\" class=\"card\" aria-labelledby=\"misses-h\"><div class=\"card-head\"><h2 id=\"misses-h\">What the bot missed</h2>")
                .Raw("<button type=\"button\" id=\"misses-refresh\" class=\"small\">Refresh</button></div>")
                .Raw("<p class=\"hint\">Questions asked in the web chat that got no answer or were marked not helpful, most frequent first.</p>")
                .Raw("<ol id=\"misses-list\" class=\"misses\"></ol><p id=\"misses-status\" class=\"status\" aria-live=\"polite\"></p></section>\n");

            html.Raw("<section id=\"add\" class=\"card\" aria-labelledby=\"add-h\"><h2 id=\"add-h\">Add an entry</h2>")
                .Raw("<form id=\"add-form\" class=\"stack entry-form\" novalidate autocomplete=\"off\">")
                .Raw("<fieldset class=\"kind\"><legend>Kind</legend>")
                .Raw("<label><input type=\"radio\" name=\"kind\" value=\"question\" checked> A question</label>")
                .Raw("<label><input type=\"radio\" name=\"kind\" value=\"term\"> A term of the glossary</label></fieldset>");
            EntryFields(html, "add");
            html.Raw("<p id=\"add-error\" class=\"form-error\" role=\"alert\"></p>")
                .Raw("<div class=\"actions\"><button type=\"submit\" class=\"primary\">Add</button>")
                .Raw("<button type=\"button\" id=\"add-clear\" class=\"small\">Clear</button></div></form>")
                .Raw("<div id=\"add-result\" class=\"result\" aria-live=\"polite\"></div></section>\n");

            html.Raw("<section id=\"edit\" class=\"card\" aria-labelledby=\"edit-h\"><h2 id=\"edit-h\">Edit an entry</h2>")
                .Raw("<form id=\"load-form\" class=\"inline-form\" autocomplete=\"off\"><div class=\"field grow\"><label for=\"load-id\">Entry id</label>")
                .Raw("<input id=\"load-id\" name=\"id\" type=\"text\" required maxlength=\"200\" spellcheck=\"false\" placeholder=\"e.g. term-cyber-sovereignty\" aria-describedby=\"load-hint\">")
                .Raw("<p id=\"load-hint\" class=\"hint\">Answers and the list of changes name their entry.</p></div>")
                .Raw("<button type=\"submit\" class=\"primary\">Load</button></form>")
                .Raw("<div id=\"load-result\" class=\"result\" aria-live=\"polite\"></div>")
                .Raw("<form id=\"edit-form\" class=\"stack entry-form\" novalidate autocomplete=\"off\" hidden>")
                .Raw("<p id=\"edit-what\" class=\"editing\"></p>");
            EntryFields(html, "edit");
            html.Raw("<p id=\"edit-error\" class=\"form-error\" role=\"alert\"></p>")
                .Raw("<div id=\"conflict\" class=\"conflict\" role=\"alert\" hidden><h3>Someone changed this entry since you loaded it</h3>")
                .Raw("<p>Your text is still in the form. The entry as it is now:</p><div id=\"conflict-current\" class=\"current\"></div>")
                .Raw("<button type=\"button\" id=\"conflict-reload\" class=\"small\">Load the current version</button></div>")
                .Raw("<details id=\"draft\" class=\"draft\" hidden><summary>Your unsaved text</summary><div id=\"draft-text\"></div></details>")
                .Raw("<div class=\"actions\"><button type=\"submit\" class=\"primary\">Save</button>")
                .Raw("<button type=\"button\" id=\"history-show\" class=\"small\">History</button>")
                .Raw("<button type=\"button\" id=\"entry-remove\" class=\"small danger\">Remove</button>")
                .Raw("<button type=\"button\" id=\"entry-restore\" class=\"small\">Restore</button>")
                .Raw("<button type=\"button\" id=\"entry-reset\" class=\"small\">Reset to the shared text</button></div></form>")
                .Raw("<div id=\"edit-result\" class=\"result\" aria-live=\"polite\"></div>")
                .Raw("<div id=\"history\" class=\"history\" hidden><h3 id=\"history-h\">History</h3><ol id=\"history-list\" reversed></ol></div></section>\n");

            html.Raw("<section id=\"changes\" class=\"card\" aria-labelledby=\"changes-h\"><div class=\"card-head\"><h2 id=\"changes-h\">Changes made here</h2>")
                .Raw("<div class=\"inline-form\"><label for=\"changes-filter\" class=\"visually-hidden\">Show</label>")
                .Raw("<select id=\"changes-filter\"><option value=\"\">All</option><option value=\"recent\">The 10 latest</option><option value=\"mine\">Made from this page</option></select>")
                .Raw("<button type=\"button\" id=\"changes-refresh\" class=\"small\">Refresh</button></div></div>")
                .Raw("<ul id=\"changes-list\" class=\"changes\"></ul><p id=\"changes-status\" class=\"status\" aria-live=\"polite\"></p></section>\n");

            html.Raw("<section id=\"transfer\" class=\"card\" aria-labelledby=\"transfer-h\"><h2 id=\"transfer-h\">Export and import</h2>")
                .Raw("<p class=\"hint\">The web chat's own entries and overrides as YAML in the <code>knowledge/</code> format, to keep or to propose for everyone.</p>")
                .Raw("<div class=\"actions\"><button type=\"button\" id=\"export\" class=\"small\">Download YAML</button></div>")
                .Raw("<form id=\"import-form\" class=\"stack\" autocomplete=\"off\"><div class=\"field\"><label for=\"import-yaml\">YAML to import</label>")
                .Raw("<textarea id=\"import-yaml\" name=\"yaml\" rows=\"8\" spellcheck=\"false\" aria-describedby=\"import-hint\"></textarea>")
                .Raw("<p id=\"import-hint\" class=\"hint\">Check first: nothing is stored until you apply, and then all of it or nothing.</p></div>")
                .Raw("<div class=\"actions\"><button type=\"submit\" class=\"primary\">Check</button>")
                .Raw("<button type=\"button\" id=\"import-apply\" class=\"small\" disabled>Apply</button></div></form>")
                .Raw("<div id=\"import-result\" class=\"result\" aria-live=\"polite\"></div></section>\n")
                .Raw("<p class=\"back\"><a href=\"/\">Ask in the chat</a> to see a change at work.</p>\n</div>\n</div>\n");
        });

    /// <summary>Title, text, quotes and phrasings, each labelled, with its rule as a hint and a place for the service's message.</summary>
    private static void EntryFields(HtmlBuilder html, string form)
    {
        Field(html, form, "title", "Question", $"Up to {MaxTitle} characters.", $"<input type=\"text\" maxlength=\"{MaxTitle}\" data-max=\"{MaxTitle}\"", "</input>");
        Field(html, form, "text", "Answer", $"In your own words, {MinText} to {MaxText} characters: one to three plain sentences.", $"<textarea rows=\"4\" maxlength=\"{MaxText}\" data-max=\"{MaxText}\" data-min=\"{MinText}\"", "</textarea>");
        Field(html, form, "cites", "Quotes from the essay, one per line", $"Word for word as the essay has them; 1 to {MaxQuotes} quotes, each up to {MaxQuote} characters.", $"<textarea rows=\"3\" spellcheck=\"false\" data-lines=\"{MaxQuotes}\" data-line-max=\"{MaxQuote}\"", "</textarea>");
        Field(html, form, "phrasings", "Other phrasings, one per line (optional)", $"How people ask it; up to {MaxPhrasings}.", $"<textarea rows=\"3\" data-lines=\"{MaxPhrasings}\" data-line-max=\"{MaxTitle}\"", "</textarea>");
    }

    private static void Field(HtmlBuilder html, string form, string name, string label, string hint, string open, string close)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{form}-{name}");
        html.Raw("<div class=\"field\" data-field=\"").Raw(name).Raw("\"><label for=\"").Raw(id).Raw("\" id=\"").Raw(id).Raw("-label\">").Text(label).Raw("</label>")
            .Raw(open).Raw(" id=\"").Raw(id).Raw("\" name=\"").Raw(name).Raw("\" aria-describedby=\"").Raw(id).Raw("-hint ").Raw(id).Raw("-error\">")
            .Raw(close == "</input>" ? string.Empty : close)
            .Raw("<p class=\"hint\" id=\"").Raw(id).Raw("-hint\"><span class=\"rule\">").Text(hint).Raw("</span> <span class=\"count\" aria-hidden=\"true\"></span></p>")
            .Raw("<p class=\"field-error\" id=\"").Raw(id).Raw("-error\"></p></div>");
    }
}
