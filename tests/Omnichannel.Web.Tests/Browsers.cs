using Microsoft.Playwright;

namespace Omnichannel.Web.Tests;

/// <summary>
/// One headless Chromium (Debian's, /usr/bin/chromium: Playwright downloads no browser here) for the whole run; each
/// user gets their own browser context, so their cookies and sessions are separate as in two real browsers.
/// </summary>
public sealed class Browsers : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Generous for a shared 2-core CI machine; the tests that promise a time (1 s) say so themselves.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        // Playwright starts Chromium with a fresh temporary user-data-dir of its own and deletes it on close.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new browser context (a separate user) at 1280×800, or the given size.</summary>
    public Task<IBrowserContext> NewUserAsync(string baseUrl, int width = 1280, int height = 800) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, ViewportSize = new ViewportSize { Width = width, Height = height } });

    public async Task DisposeAsync()
    {
        try
        {
            if (Browser is not null)
            {
                await Browser.CloseAsync();
            }
        }
        finally
        {
            _playwright?.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<Browsers>
{
    public const string Name = "browser";
}
