using Microsoft.Playwright;
using Platform.Launcher;

namespace Web.Tests;

/// <summary>
/// Debian's Chromium for a test class: pages at a given width, screenshots under TestResults/screenshots, and
/// sign-in helpers. Without Chromium these tests fail.
/// </summary>
public abstract class BrowserTest(WebFixture fixture) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    public static readonly string Screenshots = Path.Combine(
        LaunchOptions.FindRepoRoot(AppContext.BaseDirectory), "tests", "Web.Tests", "TestResults", "screenshots");

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    protected WebFixture Fixture => fixture;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox"] });
    }

    /// <summary>A new browser (own cookies) showing nothing yet.</summary>
    protected async Task<IPage> PageAsync(int width = 1280)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, Locale = "it-IT" });
        return await context.NewPageAsync();
    }

    protected Task<IResponse?> OpenAsync(IPage page, string path) => page.GotoAsync(new Uri(fixture.WebAddress, path).ToString());

    /// <summary>Signs in on <c>/accesso</c> with a pasted token of the demo ente.</summary>
    protected async Task SignInWithTokenAsync(IPage page, string subject, params string[] roles)
    {
        await OpenAsync(page, "/accesso");
        await page.GetByLabel("Token di accesso").FillAsync(fixture.System.Token("demo", subject, roles));
        await page.GetByRole(AriaRole.Button, new() { Name = "Accedi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#utente")).ToContainTextAsync(subject);
    }

    protected static async Task ShootAsync(IPage page, string name, int width)
    {
        // The page itself never scrolls sideways, at 360 px too (wide tables scroll in their own box).
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{name} is wider than {width} px");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-{width}.png"), FullPage = true });
        // What the reader sees first, for the README.
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-{width}-schermo.png") });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
