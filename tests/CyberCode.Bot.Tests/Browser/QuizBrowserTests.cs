using System.Text.RegularExpressions;
using CyberCode.Bot.Tests.Web;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CyberCode.Bot.Tests.Browser;

/// <summary>
/// A quiz in the web chat as a person plays it: real chromium, the real service. Questions come
/// as cards with one button per choice, each reveal marks the right one and quotes the essay, and
/// the quiz ends with a scoreboard.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class QuizBrowserTests(Chromium chromium, ITestOutputHelper output) : ServicePerTest
{
    [Fact]
    public async Task QuizStart3_AnsweredByClicking_RevealsEachWithItsQuote_AndEndsWithAScoreboard()
    {
        await using var browser = await chromium.OpenAsync(width: 1280);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/");

        var input = page.GetByLabel("Your question");
        await input.FillAsync("quiz start 3");
        await input.PressAsync("Enter");
        await Expect(page.Locator("article.quiz-reply")).ToContainTextAsync("3 questions");

        var cards = page.Locator("article.quiz-card");
        for (var n = 1; n <= 3; n++)
        {
            var card = cards.Nth(n - 1);
            await Expect(card.Locator(".quiz-progress")).ToHaveTextAsync($"Question {n} of 3");
            await Expect(card.Locator(".quiz-clock")).ToHaveTextAsync(SecondsLeft());
            var choices = card.Locator("button.choice");
            Assert.True(await choices.CountAsync() >= 2);

            await choices.Nth(n % 2).ClickAsync();

            await Expect(card).ToHaveClassAsync(new Regex("revealed"));
            await Expect(card.Locator("button.choice.correct")).ToHaveCountAsync(1);
            await Expect(card.Locator("button.choice.picked")).ToHaveCountAsync(1);
            await Expect(choices.First).ToBeDisabledAsync();
            await Expect(card.Locator(".quiz-verdict")).ToHaveTextAsync(new Regex("^(Right! \\+\\d+ points\\.|Not this time\\.)$"));
            await Expect(card.Locator(".quiz-answer")).Not.ToBeEmptyAsync();
            var source = card.Locator("figure.citation figcaption a").First;
            await Expect(source).ToHaveAttributeAsync("href", new Regex("^/essay\\?hl=.+#[A-Z]{1,3}\\.\\d{1,3}$"));
            await Expect(card.Locator("figure.citation blockquote").First).Not.ToBeEmptyAsync();
            if (n == 1)
            {
                await Screenshots.TakeAsync(page, "quiz-reveal-desktop", output);
            }
        }

        var board = page.Locator("article.quiz-board");
        await Expect(board.Locator("h2")).ToHaveTextAsync("Final scores (3 questions)");
        await Expect(board.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(board.Locator("tbody th")).ToHaveTextAsync(new Regex("^Guest \\d{4}$"));
        await Expect(board.Locator("tbody td").Last).ToHaveTextAsync(new Regex("^[0-3] of 3$"));
        await Expect(page.Locator(".quiz-next")).ToHaveCountAsync(0);
        await board.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "quiz-scoreboard-desktop", output);
        await Screenshots.TakeAsync(page, "quiz-full-desktop", output, fullPage: true);

        // The leaderboard from the scoreboard's own button.
        await board.GetByRole(AriaRole.Button, new() { Name = "Leaderboard" }).ClickAsync();
        await Expect(page.Locator("article.quiz-reply .quiz-table tbody th").First).ToHaveTextAsync(new Regex("^Guest \\d{4}$"));
        Assert.Empty(browser.Errors());
    }

    [Fact]
    public async Task AtPhoneWidthInDarkMode_StartButtonAndKeyboard_PlayAQuestion_SurviveAReload_AndStop()
    {
        await using var browser = await chromium.OpenAsync(width: 360, height: 740, scheme: ColorScheme.Dark);
        var page = browser.Page;
        await page.GotoAsync(BaseUrl + "/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start a quiz" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var first = page.Locator("article.quiz-card").First;
        await Expect(first.Locator(".quiz-progress")).ToHaveTextAsync("Question 1 of 5");
        await Screenshots.TakeAsync(page, "quiz-question-phone-dark", output);

        await first.Locator("button.choice").First.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(first).ToHaveClassAsync(new Regex("revealed"));
        await Expect(first.Locator("button.choice[aria-pressed='true']")).ToHaveAttributeAsync("data-choice", "2");
        await Expect(page.Locator("article.quiz-card")).ToHaveCountAsync(2);
        // The keyboard goes on where the next question starts, not back at the top of the page.
        await Expect(page.Locator("article.quiz-card").Nth(1).Locator("button.choice").First).ToBeFocusedAsync();
        Assert.True(await FitsWidthAsync(page), "the quiz scrolls sideways at 360 px");
        await first.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "quiz-reveal-phone-dark", output);

        // A reload keeps the quiz: the revealed card, and the open question still answerable.
        await page.ReloadAsync();
        await Expect(page.Locator("article.quiz-card")).ToHaveCountAsync(2);
        await Expect(page.Locator("article.quiz-card").First).ToHaveClassAsync(new Regex("revealed"));
        var second = page.Locator("article.quiz-card").Nth(1);
        await Expect(second.Locator("button.choice").First).ToBeEnabledAsync();

        var input = page.GetByLabel("Your question");
        await input.FillAsync("1");
        await input.PressAsync("Enter");
        await Expect(second).ToHaveClassAsync(new Regex("revealed"));
        await Expect(second.Locator("button.choice.picked")).ToHaveAttributeAsync("data-choice", "1");

        await input.FillAsync("quiz stop");
        await input.PressAsync("Enter");
        var board = page.Locator("article.quiz-board");
        await Expect(board.Locator("h2")).ToHaveTextAsync("Quiz stopped after 3 of 5"); // the open third question is revealed on stop
        await Expect(board.Locator("tbody td").Last).ToHaveTextAsync(new Regex("^\\d of 2$"));
        Assert.True(await FitsWidthAsync(page), "the scoreboard scrolls sideways at 360 px");
        await Screenshots.TakeAsync(page, "quiz-scoreboard-phone-dark", output);
        Assert.Empty(browser.Errors());
    }

    private static Task<bool> FitsWidthAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    [GeneratedRegex("^\\d{1,3} s$")]
    private static partial Regex SecondsLeft();
}
