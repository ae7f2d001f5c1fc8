using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Web.Tests;

/// <summary>Staff read the plan's "Qualità dei dati" page: every finding the services report, linked to its resource; badges on the resources.</summary>
[Collection(WebCollection.Name)]
public sealed class QualityPageTests(WebFixture fixture) : BrowserTest(fixture)
{
    private async Task<JsonElement> ApiAsync(string path) => await Fixture.Admin.GetFromJsonAsync<JsonElement>(path);

    private static int Count(JsonElement report) =>
        report.TryGetProperty("findings", out var findings) ? findings.GetArrayLength() : 0;

    [Fact]
    public async Task The_quality_page_lists_every_services_findings_and_links_the_misplaced_objective()
    {
        var plan = await ApiAsync($"/v1/plans/{WebFixture.Plan}:validate");
        var indicators = await ApiAsync($"/v1/indicators:validate?plan=plans/{WebFixture.Plan}");
        var budget = await ApiAsync("/v1/budgets/bilancio-2023-2025:validate");
        var investments = await ApiAsync("/v1/investments:validate");
        var page = await PageAsync();
        await SignInWithTokenAsync(page, "web-quality", "reader");

        await OpenAsync(page, $"/piani/{WebFixture.Plan}?ente=demo");
        await page.Locator("#qualita").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Qualità dei dati", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#segnalazioni tbody tr")).ToHaveCountAsync(Count(plan) + Count(indicators) + Count(budget) + Count(investments));
        var misplaced = page.Locator($"#segnalazioni tr[data-regola='objective.code_not_extending_parent'][data-risorsa='plans/{WebFixture.Plan}/objectives/4.2.4']");
        await Assertions.Expect(misplaced).ToContainTextAsync("non inizia con quello dell'obiettivo padre 4.4");
        await Assertions.Expect(page.Locator("#riepilogo-qualita tr[data-servizio='Investimenti'] td").Nth(3))
            .ToHaveTextAsync(investments.GetProperty("counts").GetProperty("errors").GetInt32().ToString());
        await ShootAsync(page, "qualita", 1280);

        await misplaced.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("h1 .codice")).ToHaveTextAsync("4.2.4");
        await Assertions.Expect(page.Locator(".segnalazioni-qualita")).ToContainTextAsync("segnalazion");
    }

    [Fact]
    public async Task A_citizen_is_asked_to_sign_in_and_sees_no_badge()
    {
        var page = await PageAsync();

        await OpenAsync(page, $"/piani/{WebFixture.Plan}/qualita?ente=demo");

        await Assertions.Expect(page.Locator(".avviso")).ToContainTextAsync("dopo l'accesso");
        await Assertions.Expect(page.Locator("#segnalazioni")).ToHaveCountAsync(0);
    }
}
