using CyberCode.Bot.Tests.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CyberCode.Bot.Tests.Browser;

/// <summary>What the chat says when the service refuses or is gone: a line a person can act on.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatErrorTests(Chromium chromium)
{
    [Fact]
    public async Task AskingTooFast_SaysWhenToTryAgain_AndAGoneServiceSaysItCannotBeReached()
    {
        // One question a minute: the second is refused with 429 and Retry-After.
        var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["Web:RateLimit:Burst"] = "1",
            ["Web:RateLimit:PermitsPerMinute"] = "1",
        });
        await using var browser = await chromium.OpenAsync(width: 1024);
        var page = browser.Page;
        try
        {
            await page.GotoAsync(host.BaseAddress.ToString().TrimEnd('/') + "/");
            var input = page.GetByLabel("Your question");
            await input.FillAsync("define cyber sovereignty");
            await input.PressAsync("Enter");
            await Expect(page.Locator("article.msg.bot")).ToHaveCountAsync(1);

            await input.FillAsync("what changed in 2015");
            await input.PressAsync("Enter");
            await Expect(page.Locator(".msg.error")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^You're asking fast — try again in \\d+ s\\.$"));
            await Expect(input).ToHaveValueAsync("what changed in 2015");
            await Expect(input).ToBeFocusedAsync();
        }
        finally
        {
            await host.DisposeAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Ask" }).ClickAsync();
        await Expect(page.Locator(".msg.error").Nth(1)).ToContainTextAsync("Can't reach CyberCode");
        Assert.Empty(browser.Errors("429", "Too Many Requests", "Failed to fetch", "ERR_CONNECTION_REFUSED", "Failed to load resource"));
    }
}
