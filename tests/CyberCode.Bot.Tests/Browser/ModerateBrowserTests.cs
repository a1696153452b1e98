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

        // The chat page's first load and first answer, on a busy 2-core CI machine, can take over 5 s.
        await Expect(answer).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(answer).Not.ToHaveClassAsync(new Regex("unanswered"));
        await Expect(answer.Locator("figure.citation blockquote").First).Not.ToBeEmptyAsync();
        Assert.Empty(browser.Errors("401"));
    }

    [Fact]
    public async Task AtPhoneWidthInDarkMode_AnEntryAddedThroughTheForm_KeepsWhatWasTypedOnABadQuote_AndIsAnsweredInTheChat()
    {
        await using var browser = await chromium.OpenAsync(width: 360, height: 740, scheme: ColorScheme.Dark);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/moderate");
        await Expect(page.GetByLabel("Admin token")).ToBeFocusedAsync();
        await Screenshots.TakeAsync(page, "moderate-sign-in-phone-dark", output);
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
        await Screenshots.TakeAsync(page, "moderate-quote-error-phone-dark", output);

        await quotes.FillAsync(KbApiTests.Quote);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        var result = page.Locator("#add-result .reply.ok");
        await Expect(result).ToContainTextAsync("Added");
        await Expect(result.Locator("figure.citation blockquote")).ToContainTextAsync("Yekaterinburg in 2009");
        await Expect(page.Locator("#add-cites-error")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the console scrolls sideways at 360 px");
        await result.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "moderate-added-phone-dark", output);

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

    [Fact]
    public async Task AStaleSave_ShowsTheCurrentTextAndKeepsTheDraft_ThenHistoryRevertsIt_AndExportImportRoundTrips()
    {
        await using var browser = await chromium.OpenAsync(width: 1280);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/moderate");
        await page.GetByLabel("Admin token").FillAsync(Token);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#console")).ToBeVisibleAsync();

        // Override a shared entry: load it, and meanwhile another moderator saves it.
        var edit = page.Locator("#edit-form");
        await page.GetByLabel("Entry id").FillAsync("term-cyber-sovereignty");
        await page.GetByRole(AriaRole.Button, new() { Name = "Load", Exact = true }).ClickAsync();
        await Expect(page.Locator("#edit-what")).ToHaveTextAsync("Editing term-cyber-sovereignty (term) at revision 0.");
        var definition = edit.GetByLabel("Definition", new() { Exact = true });
        await Expect(definition).Not.ToBeEmptyAsync();
        await definition.FillAsync("My definition, typed in the form: a state's authority over its own Internet.");
        using (var other = new HttpRequestMessage(HttpMethod.Put, "api/kb/entries/term-cyber-sovereignty") { Content = Http.Json(new { revision = 0, text = "Their definition, saved first: each country's right to choose its own Internet path." }) })
        {
            other.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);
            using var saved = await Host.Client.SendAsync(other);
            Assert.True(saved.IsSuccessStatusCode);
        }

        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        var conflict = page.Locator("#conflict");
        await Expect(conflict).ToContainTextAsync("Their definition, saved first");
        await Expect(definition).ToHaveValueAsync(new Regex("^My definition"));
        await Screenshots.TakeAsync(page, "moderate-conflict-desktop", output);

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Load the current version" }).ClickAsync();
        await Expect(definition).ToHaveValueAsync(new Regex("^Their definition"));
        await Expect(page.Locator("#draft")).ToContainTextAsync("My definition, typed in the form");
        await Expect(page.Locator("#edit-what")).ToHaveTextAsync("Editing term-cyber-sovereignty (term) at revision 1.");
        await definition.FillAsync("My definition, typed again: a state's authority over its own Internet.");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#edit-result .reply.ok")).ToContainTextAsync("revision 2");

        await edit.GetByRole(AriaRole.Button, new() { Name = "History" }).ClickAsync();
        var revisions = page.Locator("#history-list li");
        await Expect(revisions).ToHaveCountAsync(2);
        await Expect(revisions.First).ToContainTextAsync("current");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revert to revision 1" }).ClickAsync();
        await Expect(definition).ToHaveValueAsync(new Regex("^Their definition"));
        await Expect(revisions).ToHaveCountAsync(3);
        await Screenshots.TakeAsync(page, "moderate-history-desktop", output, fullPage: true);

        // Export is a file download; checking it back in finds nothing to change.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download YAML" }).ClickAsync());
        Assert.Equal("knowledge-local.yaml", download.SuggestedFilename);
        var yaml = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Their definition, saved first", yaml, StringComparison.Ordinal);
        var importBox = page.GetByLabel("YAML to import");
        await importBox.FillAsync(yaml);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Expect(page.Locator("#import-result")).ToContainTextAsync("nothing to import");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToBeDisabledAsync();

        await importBox.FillAsync(yaml.Replace("Their definition, saved first", "An imported definition", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();
        await Expect(page.Locator("#import-result")).ToContainTextAsync("Dry run, nothing stored");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator("#import-result .reply.ok")).ToContainTextAsync("Imported 1 change(s)");

        await page.GotoAsync(BaseUrl + "/");
        var input = page.GetByLabel("Your question");
        await input.FillAsync("define cyber sovereignty");
        await input.PressAsync("Enter");
        await Expect(page.Locator("article.msg.bot").First).ToContainTextAsync("An imported definition");
        Assert.Empty(browser.Errors("409"));
    }

    [GeneratedRegex("^Add as phrasing of ")]
    private static partial Regex AddAsPhrasing();
}
