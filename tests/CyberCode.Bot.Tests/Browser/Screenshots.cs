using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CyberCode.Bot.Tests.Browser;

/// <summary>
/// Keeps screenshots of the pages the browser tests saw, for a person to look at: in
/// <c>artifacts/screenshots/</c> of the repository (CI keeps <c>artifacts/</c>), or beside the
/// test assembly when it runs outside a clone. Each path is written to the test output.
/// </summary>
internal static class Screenshots
{
    public static readonly string Folder = FindFolder();

    public static async Task<string> TakeAsync(IPage page, string name, ITestOutputHelper output, bool fullPage = false)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine($"screenshot: {path}");
        return path;
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CyberCode.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}
