using Microsoft.Playwright;

namespace Web.Tests;

/// <summary>Chromium reads the pages as a citizen does: by clicks, at desktop and phone widths.</summary>
[Collection(WebCollection.Name)]
public sealed class BrowserTests(WebFixture fixture) : BrowserTest(fixture)
{
    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task A_citizen_goes_from_the_plans_to_an_indicator_by_clicks(int width)
    {
        var page = await PageAsync(width);

        await OpenAsync(page, "/?ente=demo");
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
        await Assertions.Expect(page.GetByAltText("Grafico di target e valore rilevato per anno", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByAltText("Grafico del raggiungimento per anno sulle fasce di stato", new() { Exact = false })).ToBeVisibleAsync();
        await ShootAsync(page, "indicatore", width);
    }

    [Fact]
    public async Task Search_finds_an_objective_by_code_and_keyboard_focus_is_visible()
    {
        var page = await PageAsync(1280);
        await OpenAsync(page, $"/piani/{WebFixture.Plan}?ente=demo&anno=2021");

        await page.GetByLabel("Cerca per codice o parole").FillAsync("1.1");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("tr[data-codice='1.1']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-codice='2']")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Tab");
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.Equal("solid", outline);
    }
}
