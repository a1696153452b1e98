using System.Globalization;
using CyberCode.Core.Knowledge;

namespace CyberCode.Bot.Web.Ui;

/// <summary>
/// The essay reader at <c>/essay</c>: the whole essay by section, one element per passage whose
/// id is the passage id, so <c>/essay#II.5</c> lands on it. With <c>?hl=QUOTE</c> the quoted
/// words are marked on the server, so the highlight needs no script; <c>essay.js</c> only
/// scrolls to it, or marks the whole target passage when the quote is not in it.
/// </summary>
internal static class EssayPage
{
    public static string Render(UiAssets assets, Essay essay, string? highlight)
    {
        var quote = string.IsNullOrWhiteSpace(highlight) || highlight.Length > EssayLinks.MaxQuoteLength ? null : highlight;
        // In reading order; the words of a real quote stand in one passage, but a hand-made link may
        // name words that several passages share, and each gets its mark.
        var found = essay.Passages
            .Select(p => (p.Id, Span: quote is null ? null : EssayLinks.Locate(p.Text, quote)))
            .Where(x => x.Span is not null)
            .ToArray();
        var marks = found.ToDictionary(x => x.Id, x => x.Span!.Value, StringComparer.Ordinal);

        return Layout.Render(assets, UiPage.Essay, $"{essay.Title} · CyberCode", html =>
        {
            html.Raw("<article class=\"essay\">\n<header class=\"essay-head\">")
                .Element("h1", null, essay.Title)
                .Raw("<p class=\"byline\">by ").Text(essay.Author).Raw(", <time datetime=\"")
                .Text(essay.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("\">")
                .Text(essay.Published.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)).Raw("</time></p>");
            WriteHighlightNote(html, quote, found.Select(x => x.Id).ToArray());
            WriteContents(html, essay);
            html.Raw("</header>\n");

            for (var s = 0; s < essay.Sections.Count; s++)
            {
                var section = essay.Sections[s];
                html.Raw("<section class=\"essay-section\" aria-labelledby=\"part-").Raw(Num(s + 1)).Raw("\">\n")
                    .Raw("<h2 id=\"part-").Raw(Num(s + 1)).Raw("\">").Text(section.Title).Raw("</h2>\n");
                foreach (var passage in section.Passages)
                {
                    WritePassage(html, passage, marks.TryGetValue(passage.Id, out var span) ? span : null);
                }

                html.Raw("</section>\n");
            }

            html.Raw("</article>\n");
        });
    }

    private static void WriteHighlightNote(HtmlBuilder html, string? quote, IReadOnlyList<string> passageIds)
    {
        const int Named = 5;
        if (quote is null)
        {
            return;
        }

        // Says where the words are, for a reader whose link lost its #passage or who scrolled away.
        html.Raw("<p class=\"hl-note\" role=\"status\">");
        if (passageIds.Count == 0)
        {
            html.Raw("The quoted words were not found in the essay; the linked passage is highlighted instead.");
        }
        else
        {
            html.Raw("The quoted words are highlighted in ");
            for (var i = 0; i < Math.Min(Named, passageIds.Count); i++)
            {
                html.Raw(i == 0 ? string.Empty : ", ").Link("#" + passageIds[i], passageIds[i]);
            }

            if (passageIds.Count > Named)
            {
                html.Raw(" and ").Text(Num(passageIds.Count - Named)).Raw(" more passages");
            }

            html.Raw(". ").Link("/essay", "Clear the highlight");
        }

        html.Raw("</p>");
    }

    private static void WriteContents(HtmlBuilder html, Essay essay)
    {
        html.Raw("<nav class=\"contents\" aria-label=\"Parts of the essay\"><ol>");
        for (var s = 0; s < essay.Sections.Count; s++)
        {
            var section = essay.Sections[s];
            html.Raw("<li>").Link($"#part-{Num(s + 1)}", section.Title);
            if (section.Passages.Count > 0)
            {
                html.Raw(" <span class=\"range\">").Text($"{section.Passages[0].Id}–{section.Passages[^1].Id}").Raw("</span>");
            }

            html.Raw("</li>");
        }

        html.Raw("</ol></nav>");
    }

    private static void WritePassage(HtmlBuilder html, Passage passage, (int Start, int Length)? mark)
    {
        // tabindex lets essay.js move keyboard focus to the linked passage.
        html.Raw("<div class=\"passage\" tabindex=\"-1\" id=\"").Text(passage.Id).Raw("\">")
            .Raw("<a class=\"pid\" href=\"#").Text(passage.Id).Raw("\" aria-label=\"Passage ").Text(passage.Id).Raw("\">")
            .Text(passage.Id).Raw("</a>")
            .Raw("<p class=\"passage-text\">");
        if (mark is { } m)
        {
            html.Text(passage.Text[..m.Start])
                .Raw("<mark>").Text(passage.Text.Substring(m.Start, m.Length)).Raw("</mark>")
                .Text(passage.Text[(m.Start + m.Length)..]);
        }
        else
        {
            html.Text(passage.Text);
        }

        html.Raw("</p></div>\n");
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
