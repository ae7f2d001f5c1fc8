using Microsoft.Playwright;
using Platform.Launcher;

namespace Web.Tests;

/// <summary>
/// Debian's Chromium reads the pages as a citizen does: by clicks, at desktop and phone widths, with screenshots
/// under TestResults/screenshots. Without Chromium these tests fail.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BrowserTests(WebFixture fixture) : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(
        LaunchOptions.FindRepoRoot(AppContext.BaseDirectory), "tests", "Web.Tests", "TestResults", "screenshots");

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install -y chromium");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox"] });
    }

    private async Task<IPage> PageAsync(int width)
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, Locale = "it-IT" });
        return await context.NewPageAsync();
    }

    private static async Task ShootAsync(IPage page, string name, int width)
    {
        // The page itself never scrolls sideways, at 360 px too (wide tables scroll in their own box).
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{name} is wider than {width} px");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-{width}.png"), FullPage = true });
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_citizen_goes_from_the_plans_to_an_indicator_by_clicks(int width)
    {
        var page = await PageAsync(width);

        await page.GotoAsync(new Uri(fixture.WebAddress, "/?ente=demo").ToString());
        await ShootAsync(page, "home", width);
        await page.GetByRole(AriaRole.Link, new() { Name = "Documento Unico di Programmazione 2023-2025" }).ClickAsync();
        await page.GetByLabel("Anno").FillAsync("2021");
        await page.GetByRole(AriaRole.Button, new() { Name = "Applica" }).ClickAsync();
        await Assertions.Expect(page.Locator("#punteggio")).Not.ToHaveTextAsync("—");
        await ShootAsync(page, "piano", width);

        await page.Locator("tr[data-codice='1.1'] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Piano verde");
        await ShootAsync(page, "obiettivo", width);

        await page.Locator("#indicatori a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#periodi")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("figure.grafico img")).ToBeVisibleAsync();
        await ShootAsync(page, "indicatore", width);
    }

    [Fact]
    public async Task Search_finds_an_objective_by_code_and_keyboard_focus_is_visible()
    {
        var page = await PageAsync(1280);
        await page.GotoAsync(new Uri(fixture.WebAddress, $"/piani/{WebFixture.Plan}?ente=demo&anno=2021").ToString());

        await page.GetByLabel("Cerca per codice o parole").FillAsync("1.1");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("tr[data-codice='1.1']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-codice='2']")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
