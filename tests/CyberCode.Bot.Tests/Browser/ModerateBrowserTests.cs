using System.Text.RegularExpressions;
using CyberCode.Bot.Tests.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CyberCode.Bot.Tests.Browser;

/// <summary>
/// The moderation console at /moderate as a moderator uses it: sign in with the admin token,
/// fix a miss or add an entry through the form, then ask in the chat and get the new answer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ModerateBrowserTests(Chromium chromium, ITestOutputHelper output) : ServicePerTest
{
    private const string Token = KbApiTests.Token;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Web:AdminToken"] = Token };

    [Fact]
    public async Task AMissTurnedIntoAPhrasing_IsAnsweredInTheChat_AndAWrongTokenIsTurnedAwayFirst()
    {
        using (await Host.Client.AskAsync(KbApiTests.Missed))
        {
        }

        await using var browser = await chromium.OpenAsync(width: 1280);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/moderate");
        await Expect(page.Locator("#console")).ToBeHiddenAsync();

        await page.GetByLabel("Admin token").FillAsync("not-the-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#login-error")).ToContainTextAsync("not this service's admin token");

        await page.GetByLabel("Admin token").FillAsync(Token);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#console")).ToBeVisibleAsync();
        Assert.DoesNotContain(Token, page.Url, StringComparison.Ordinal);

        var miss = page.Locator("li.miss").Filter(new() { HasText = KbApiTests.Missed });
        await Expect(miss.Locator(".miss-meta")).ToHaveTextAsync("missed · asked 1×");
        await Screenshots.TakeAsync(page, "moderate-misses-desktop", output, fullPage: true);
        await miss.GetByRole(AriaRole.Button, new() { NameRegex = AddAsPhrasing() }).ClickAsync();
        await Expect(miss.Locator(".reply.ok")).ToContainTextAsync("Added the phrasing");
        await Expect(page.Locator("#changes-list li")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Ask it in the chat" }).ClickAsync();
        var input = page.GetByLabel("Your question");
        await input.FillAsync(KbApiTests.Missed);
        await input.PressAsync("Enter");
        var answer = page.Locator("article.msg.bot").First;
        await Expect(answer).Not.ToHaveClassAsync(new Regex("unanswered"));
        await Expect(answer.Locator("figure.citation blockquote").First).Not.ToBeEmptyAsync();
        Assert.Empty(browser.Errors("401"));
    }

    [Fact]
    public async Task AtPhoneWidth_AnEntryAddedThroughTheForm_KeepsWhatWasTypedOnABadQuote_AndIsAnsweredInTheChat()
    {
        await using var browser = await chromium.OpenAsync(width: 360, height: 740);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/moderate");
        await page.GetByLabel("Admin token").FillAsync(Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#console")).ToBeVisibleAsync();

        var form = page.Locator("#add-form");
        await form.GetByLabel("A question").CheckAsync();
        await form.GetByLabel("Question", new() { Exact = true }).FillAsync("Which pact came out of the Russian city meeting?");
        await form.GetByLabel("Answer", new() { Exact = true }).FillAsync("The SCO information-security agreement, signed at Yekaterinburg in 2009.");
        var quotes = form.GetByLabel("Quotes from the essay, one per line");
        await quotes.FillAsync("they signed the Agreement on Cooperation in Ensuring Information Security at Yekaterinburg");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();

        await Expect(page.Locator("#add-cites-error")).ToContainTextAsync("closest passage");
        await Expect(quotes).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.GetByLabel("Question", new() { Exact = true })).ToHaveValueAsync("Which pact came out of the Russian city meeting?");
        await quotes.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "moderate-quote-error-phone", output);

        await quotes.FillAsync(KbApiTests.Quote);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var result = page.Locator("#add-result .reply.ok");
        await Expect(result).ToContainTextAsync("Added");
        await Expect(result.Locator("figure.citation blockquote")).ToContainTextAsync("Yekaterinburg in 2009");
        await Expect(page.Locator("#add-cites-error")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the console scrolls sideways at 360 px");
        await result.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "moderate-added-phone", output);

        // The token stays with the tab, not in the address: a reload is still signed in.
        Assert.Equal(Token, await page.EvaluateAsync<string>("() => sessionStorage.getItem('cybercode.kb.token')"));
        await page.ReloadAsync();
        await Expect(page.Locator("#console")).ToBeVisibleAsync();

        await page.GotoAsync(BaseUrl + "/");
        var input = page.GetByLabel("Your question");
        await input.FillAsync(KbApiTests.Missed);
        await input.PressAsync("Enter");
        var answer = page.Locator("article.msg.bot").First;
        await Expect(answer.Locator("figure.citation blockquote")).ToContainTextAsync("Yekaterinburg in 2009");
        Assert.Empty(browser.Errors("422"));
    }

    [GeneratedRegex("^Add as phrasing of ")]
    private static partial Regex AddAsPhrasing();
}
