using CyberCode.Bot.Tests.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CyberCode.Bot.Tests.Browser;

/// <summary>
/// The web chat, essay reader and timeline as a person uses them: real chromium, the real service
/// on Kestrel. Each test fails when an answer, a quote or a highlight is missing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WebChatTests(Chromium chromium, ITestOutputHelper output) : ServicePerTest
{
    private const string SovereigntyQuote = "Cyber sovereignty means “respecting each country’s right to choose its own Internet development path";

    [Fact]
    public async Task AskDefineCyberSovereignty_ShowsTheQuote_AndItsCitationHighlightsItInTheEssay()
    {
        await using var browser = await chromium.OpenAsync(width: 1280);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/");
        await Expect(page.Locator("#starters")).ToBeVisibleAsync();

        var input = page.GetByLabel("Your question");
        await input.FillAsync("define cyber sovereignty");
        await input.PressAsync("Enter");

        var answer = page.Locator("article.msg.bot").First;
        await Expect(answer.Locator("h2")).ToHaveTextAsync("cyber sovereignty");
        await Expect(page.Locator(".msg.you")).ToHaveTextAsync("You asked: define cyber sovereignty");
        var quote = answer.Locator("figure.citation blockquote");
        await Expect(quote).ToContainTextAsync(SovereigntyQuote);
        var citation = answer.Locator("figure.citation figcaption a");
        await Expect(citation).ToContainTextAsync("II.5");
        await Expect(citation).ToContainTextAsync("Part II");
        await Expect(page.Locator("#starters")).ToBeHiddenAsync();
        await Expect(input).ToBeFocusedAsync();
        await Screenshots.TakeAsync(page, "chat-desktop", output);

        await citation.ClickAsync();
        // Only that the browser went there: the assertions below wait for the page itself. (Waiting
        // for its "load" event timed out once in CI although the page was there: the event had fired.)
        await page.WaitForURLAsync(url => url.Contains("/essay?hl=", StringComparison.Ordinal) && url.EndsWith("#II.5", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        // An attribute selector, because "#II.5" would mean id II with class 5.
        var mark = page.Locator("[id='II.5'] mark");
        await Expect(mark).ToHaveCountAsync(1);
        await Expect(mark).ToContainTextAsync(SovereigntyQuote);
        await Expect(mark).ToBeInViewportAsync();
        await Screenshots.TakeAsync(page, "essay-highlight-desktop", output);

        // Back in the chat, the conversation is still there.
        await page.GoBackAsync();
        await Expect(page.Locator("article.msg.bot figure.citation blockquote")).ToContainTextAsync(SovereigntyQuote);
        Assert.Empty(browser.Errors());
    }

    [Fact]
    public async Task AtPhoneWidth_StarterByKeyboard_SuggestionButtonAndFeedbackWork_WithoutSideways()
    {
        await using var browser = await chromium.OpenAsync(width: 360, height: 740);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/");

        await page.GetByRole(AriaRole.Button, new() { Name = "define cyber sovereignty" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var definition = page.Locator("article.msg.bot").Nth(0);
        await Expect(definition.Locator("figure.citation blockquote")).ToContainTextAsync(SovereigntyQuote);
        await Screenshots.TakeAsync(page, "chat-phone", output);

        await page.GetByLabel("Your question").FillAsync("what changed in 2015");
        await page.Keyboard.PressAsync("Enter");
        var changes = page.Locator("article.msg.bot").Nth(1);
        await Expect(changes.Locator("h2")).ToContainTextAsync("2011");
        await Expect(changes.Locator(".answer-text li").First).ToBeVisibleAsync();
        await Expect(changes.Locator(".answer-text li a.pref").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/essay\\?hl=.+#I\\.\\d+$"));

        await page.GetByLabel("Your question").FillAsync("who won the world cup");
        await page.Keyboard.PressAsync("Enter");
        var decline = page.Locator("article.msg.bot").Nth(2);
        var suggestion = decline.Locator(".suggestions button", new() { HasTextString = "timeline" });
        await Expect(suggestion).ToBeVisibleAsync();
        await suggestion.ClickAsync();

        var timeline = page.Locator("article.msg.bot").Nth(3);
        await Expect(timeline.Locator(".answer-text li")).ToHaveCountAsync(16);
        await Expect(timeline.Locator("a[href='/timeline']")).ToBeVisibleAsync();
        await timeline.GetByRole(AriaRole.Button, new() { Name = "Helpful", Exact = true }).ClickAsync();
        await Expect(timeline.Locator(".feedback")).ToContainTextAsync("Thanks");
        Assert.True(await FitsWidthAsync(page), "the chat scrolls sideways at 360 px");

        await page.GetByRole(AriaRole.Button, new() { Name = "New conversation" }).ClickAsync();
        await Expect(page.Locator("article.msg.bot")).ToHaveCountAsync(0);
        await Expect(page.Locator("#starters")).ToBeVisibleAsync();
        Assert.Empty(browser.Errors());
    }

    [Fact]
    public async Task HostileQuestion_IsShownAsText_AndNeverRuns()
    {
        const string hostile = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script> sovereignty";
        await using var browser = await chromium.OpenAsync(width: 1024);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/");

        await page.GetByLabel("Your question").FillAsync(hostile);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("article.msg.bot")).ToHaveCountAsync(1);

        await Expect(page.Locator(".msg.you")).ToHaveTextAsync("You asked: " + hostile);
        Assert.Equal(0, await page.Locator("#transcript img, #transcript script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"), "the hostile question ran as script");
    }

    [Fact]
    public async Task Timeline_ShowsEveryDatedEventOnTheLine_EachLinkingToItsHighlightedQuote()
    {
        await using var browser = await chromium.OpenAsync(width: 360, height: 740);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/timeline");

        await Expect(page.Locator("ol.timeline li.event")).ToHaveCountAsync(16);
        await Expect(page.Locator("ol.timeline .year-mark").First).ToHaveTextAsync("2009");
        await Expect(page.Locator("ol.timeline .year-mark").Last).ToHaveTextAsync("2017");
        Assert.True(await FitsWidthAsync(page), "the timeline scrolls sideways at 360 px");
        await Screenshots.TakeAsync(page, "timeline-phone", output);

        var wuzhen = page.Locator("li.event", new() { HasTextString = "Wuzhen" });
        await wuzhen.Locator("p.source a").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#II.5", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("[id='II.5'] mark")).ToBeInViewportAsync();
        Assert.True(await FitsWidthAsync(page), "the essay scrolls sideways at 360 px");
        await Screenshots.TakeAsync(page, "essay-highlight-phone", output);
        Assert.Empty(browser.Errors());
    }

    [Fact]
    public async Task Essay_LinkedWithWordsThePassageLacks_HighlightsTheWholePassage()
    {
        await using var browser = await chromium.OpenAsync(width: 1024);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/essay?hl=" + Uri.EscapeDataString("words the essay never uses") + "#III.2");

        var passage = page.Locator("[id='III.2']");
        await Expect(passage).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bwhole\\b"));
        await Expect(passage).ToBeInViewportAsync();
        await Expect(page.Locator("mark")).ToHaveCountAsync(0);
        Assert.Empty(browser.Errors());
    }

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
}
