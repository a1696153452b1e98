using Microsoft.Playwright;

namespace CyberCode.Bot.Tests.Browser;

/// <summary>
/// One headless Debian chromium for all browser tests, driven by Playwright. Playwright cannot
/// download its own browser here, so it launches the system's; <c>.ci/run</c> installs it.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags chromium keeps dialling Google's services, and in a
    // closed network those refused connections slow every page down.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Fail($"The browser tests need Debian's chromium at {ExecutablePath}: apt-get install -y chromium (.ci/run does it).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh page (own cookies, own storage) of the given viewport width.</summary>
    public async Task<BrowserPage> OpenAsync(int width, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
            Locale = "en-GB",
            // No smooth scrolling, so a screenshot shows where the page comes to rest.
            ReducedMotion = ReducedMotion.Reduce,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }
}

/// <summary>A page and what it complained about: console errors include Content-Security-Policy violations.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    internal BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add("uncaught: " + error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The console errors so far, except those a test provoked on purpose.</summary>
    public IReadOnlyList<string> Errors(params string[] expected)
    {
        lock (_errors)
        {
            return _errors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.OrdinalIgnoreCase))).ToArray();
        }
    }

    public ValueTask DisposeAsync() => new(_context.CloseAsync());
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
