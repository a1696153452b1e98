using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CyberCode.Bot.Tests.Web;

namespace CyberCode.Bot.Tests.Browser;

/// <summary>The pages and assets of the web UI over HTTP, without a browser.</summary>
public sealed partial class WebUiPageTests : ServicePerTest
{
    private HttpClient Http => Host.Client;

    [Fact]
    public async Task Essay_HasOneAnchorPerPassage_UnderItsSectionHeading()
    {
        using var essay = JsonDocument.Parse(await Http.GetStringAsync("/api/essay"));
        var html = await Http.GetStringAsync("/essay");

        var sections = essay.RootElement.GetProperty("sections").EnumerateArray().ToArray();
        Assert.Equal(4, sections.Length);
        var ids = sections.SelectMany(s => s.GetProperty("passages").EnumerateArray().Select(p => p.GetProperty("id").GetString()!)).ToArray();
        Assert.Contains("I.1", ids);
        Assert.Contains("II.5", ids);
        Assert.Contains("N.6", ids);
        foreach (var id in ids)
        {
            Assert.Single(Regex.Matches(html, $"<div class=\"passage\"[^>]* id=\"{Regex.Escape(id)}\""));
        }

        foreach (var section in sections)
        {
            Assert.Contains(">" + WebUtility.HtmlEncode(section.GetProperty("title").GetString()!).Replace("&#39;", "&#x27;") + "</h2>", html);
        }

        Assert.Contains("Xiaotong Liu", html);
        Assert.Contains("<time datetime=\"2017-11-30\">30 November 2017</time>", html);
        Assert.DoesNotContain("<mark>", html);
    }

    [Fact]
    public async Task Essay_WithAQuote_MarksItInItsPassage_WhateverItsQuotesAndSpaces()
    {
        // Straight quotes and a line break where the essay has curly quotes and a space.
        var hl = Uri.EscapeDataString("Cyber sovereignty means \"respecting each country's right to choose\n its own Internet development path");
        var html = await Http.GetStringAsync($"/essay?hl={hl}");

        var passage = PassageMarkup(html, "II.5");
        Assert.Contains("<mark>Cyber sovereignty means “respecting each country’s right to choose its own Internet development path</mark>", passage);
        Assert.Single(Regex.Matches(html, "<mark>"));
        Assert.Contains("The quoted words are highlighted in <a href=\"#II.5\">II.5</a>", html);
    }

    [Fact]
    public async Task Essay_WithAQuoteItDoesNotHave_MarksNothing_AndNeverEchoesTheParameter()
    {
        var html = await Http.GetStringAsync("/essay?hl=" + Uri.EscapeDataString("<script>alert(1)</script>\"><img src=x onerror=alert(1)>"));

        Assert.DoesNotContain("<mark>", html);
        Assert.DoesNotContain("alert(1)", html);
        Assert.Contains("The quoted words were not found", html);
    }

    [Fact]
    public async Task Timeline_ListsTheSixteenDatedEvents_InDateOrder_EachLinkedToItsQuote()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync("/api/timeline"));
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToArray();
        var html = await Http.GetStringAsync("/timeline");

        Assert.Equal(16, events.Length);
        var dates = events.Select(e => e.GetProperty("date").GetString()!).ToArray();
        Assert.Equal(dates.OrderBy(d => d, StringComparer.Ordinal), dates);
        Assert.Equal(16, Regex.Matches(html, "<li class=\"event\"").Count);
        foreach (var e in events)
        {
            var link = e.GetProperty("link").GetString()!;
            Assert.Matches("^/essay\\?hl=[^#]+#(I|II|III|N)\\.\\d+$", link);
            Assert.Contains("href=\"" + link.Replace("&", "&amp;", StringComparison.Ordinal) + "\"", html);
        }

        Assert.Contains("<time datetime=\"2011-06-02\">2 June 2011</time>", html);
        Assert.Contains("<h2 class=\"year-mark\">2013</h2>", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/essay")]
    [InlineData("/timeline")]
    public async Task Pages_CarryNoInlineScriptOrStyle_SoTheContentSecurityPolicyHolds(string path)
    {
        using var response = await Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)", html);
        Assert.DoesNotMatch("<style|\\sstyle=|\\son[a-z]+=", html);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/ui/site.css?v=", html);
    }

    [Theory]
    [InlineData("site.css", "text/css")]
    [InlineData("chat.css", "text/css")]
    [InlineData("reader.css", "text/css")]
    [InlineData("chat.js", "text/javascript")]
    [InlineData("answer.js", "text/javascript")]
    [InlineData("essay.js", "text/javascript")]
    [InlineData("quote.js", "text/javascript")]
    [InlineData("favicon.svg", "image/svg+xml")]
    public async Task Assets_AreServedFromTheExecutable_AndRevalidatedByETag(string name, string type)
    {
        using var response = await Http.GetAsync("/ui/" + name);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/ui/" + name);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        using var notModified = await Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task AssetUrlsOfThePages_CarryTheContentVersion_AndAreCachedForGood()
    {
        var html = await Http.GetStringAsync("/");
        var url = AssetUrl().Match(html).Groups[1].Value;

        using var response = await Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        using var unknown = await Http.GetAsync("/ui/nothing-here.js");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Chat_OffersTheStarterQuestions_AndALabelledInput()
    {
        var html = await Http.GetStringAsync("/");

        foreach (var starter in new[] { "define cyber sovereignty", "what changed in 2015", "timeline" })
        {
            Assert.Contains($"data-ask=\"{starter}\">{starter}</button>", html);
        }

        Assert.Contains("<label for=\"question\">", html);
        Assert.Contains("aria-live=\"polite\"", html);
    }

    private static string PassageMarkup(string html, string id)
    {
        var start = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no passage {id} in the page");
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("href=\"(/ui/site\\.css\\?v=[0-9a-f]+)\"")]
    private static partial Regex AssetUrl();
}
