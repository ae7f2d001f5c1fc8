using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Web.Tests;

/// <summary>Citizens read the approved budget and the PNRR projects; every amount on screen is the Finance API's.</summary>
[Collection(WebCollection.Name)]
public sealed class BudgetTests(WebFixture fixture) : BrowserTest(fixture)
{
    private const string Budget = WebFixture.Budget;
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    private static string Euro(string apiDecimal) =>
        decimal.Parse(apiDecimal, CultureInfo.InvariantCulture).ToString("C", Italian);

    private async Task<JsonElement> ApiAsync(string path) => await Fixture.Anonymous.GetFromJsonAsync<JsonElement>(path);

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task The_current_balance_table_and_the_debt_per_inhabitant_are_the_APIs(int width)
    {
        var balances = await ApiAsync($"/v1/budgets/{Budget}:balances?year=2024&stage=PREVISIONE&ente=demo");
        var debt = await ApiAsync($"/v1/budgets/{Budget}/debtSchedule?ente=demo");
        var page = await PageAsync(width);

        await OpenAsync(page, "/bilancio?ente=demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bilancio di previsione 2023-2025" }).ClickAsync();
        await page.GetByLabel("Anno e fase").SelectOptionAsync("2024-PREVISIONE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Applica" }).ClickAsync();

        var current = balances.GetProperty("current");
        var table = page.Locator("#equilibrio-corrente");
        foreach (var row in current.GetProperty("rows").EnumerateArray())
            await Assertions.Expect(table.Locator($"tr[data-voce='{row.GetProperty("key").GetString()}'] td"))
                .ToHaveTextAsync(Euro(row.GetProperty("amount").GetString()!));
        var verdict = current.TryGetProperty("balanced", out var balanced) && balanced.GetBoolean() ? "Rispettato" : "Non rispettato";
        await Assertions.Expect(table.Locator(".stato").First).ToHaveTextAsync(verdict);

        var years = debt.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        for (var year = 2021; year <= 2025; year++)
            await Assertions.Expect(page.Locator($"#debito tr[data-anno='{year}'] td[data-campo='per-abitante']"))
                .ToHaveTextAsync(Euro(years[year].GetProperty("debtPerInhabitant").GetString()!));
        await Assertions.Expect(page.Locator("figure.grafico img")).ToHaveCountAsync(3);
        await ShootAsync(page, "bilancio", width);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Investments_filtered_by_mission_show_the_APIs_projects_flags_and_totals(int width)
    {
        var m2 = (await ApiAsync("/v1/investments?pageSize=500&pnrrMission=M2&ente=demo")).GetProperty("investments").EnumerateArray().ToList();
        var summary = await ApiAsync("/v1/investments:summarize?ente=demo");
        var page = await PageAsync(width);

        await OpenAsync(page, "/investimenti?ente=demo");
        await Assertions.Expect(page.Locator("#totali-missioni tfoot td").Nth(1))
            .ToHaveTextAsync(Euro(summary.GetProperty("grandTotal").GetProperty("totalCost").GetString()!));
        await page.GetByLabel("Missione").SelectOptionAsync("M2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Applica" }).ClickAsync();

        await Assertions.Expect(page.Locator("#progetti tbody tr")).ToHaveCountAsync(m2.Count);
        foreach (var investment in m2)
        {
            var row = page.Locator($"#progetti tr[data-progetto='{investment.GetProperty("name").GetString()!.Split('/')[1]}']");
            await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(Euro(investment.GetProperty("totalCost").GetString()!));
            if (investment.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "CONTRIBUTION_EXCEEDS_COST"))
                await Assertions.Expect(row).ToContainTextAsync("Contributo superiore al costo");
        }
        await ShootAsync(page, "investimenti", width);
    }

    [Fact]
    public async Task A_draft_budget_is_not_listed_for_citizens_and_its_address_answers_not_found()
    {
        (await Fixture.Admin.PostAsJsonAsync("/v1/budgets?budget_id=bilancio-bozza-web",
            new { title = "Bilancio in bozza", firstYear = 2026, lastYear = 2028 })).EnsureSuccessStatusCode();
        var page = await PageAsync();

        await OpenAsync(page, "/bilancio?ente=demo");
        await Assertions.Expect(page.Locator("#bilanci li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#bilanci")).Not.ToContainTextAsync("bozza");
        var response = await OpenAsync(page, "/bilancio/bilancio-bozza-web?ente=demo");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Pagina non trovata");
        // Another ente has neither the demo budget nor its investments.
        Assert.Equal(404, (await OpenAsync(page, $"/bilancio/{Budget}?ente=comune-senza-piani"))!.Status);
        await OpenAsync(page, "/investimenti?ente=comune-senza-piani");
        await Assertions.Expect(page.Locator("td.num")).ToHaveCountAsync(0);
    }
}
