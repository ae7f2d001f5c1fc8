using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Web.Tests;

/// <summary>The admin signs in with the link the launcher printed and does the periodic work in the browser.</summary>
[Collection(WebCollection.Name)]
public sealed class StaffTests(WebFixture fixture) : BrowserTest(fixture)
{
    private const string Indicator = "dup-1-1-i1";
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    private async Task<JsonElement> ApiAsync(string path) => await Fixture.Anonymous.GetFromJsonAsync<JsonElement>(path);

    private static string Number(string apiDecimal) =>
        decimal.Parse(apiDecimal, CultureInfo.InvariantCulture).ToString("#,##0.##", Italian);

    private static int Count(JsonElement scorecard, string field) =>
        scorecard.GetProperty("counts").TryGetProperty(field, out var value) ? value.GetInt32() : 0;

    [Fact]
    public async Task The_admin_signs_in_with_the_printed_link_types_an_actual_and_sees_achievement_and_scorecard_change()
    {
        var link = Fixture.System.SignInLink!.ToString();
        var before = await ApiAsync($"/v1/scorecards/{WebFixture.Plan}?year=2022&ente=demo");
        var page = await PageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("#utente")).ToHaveTextAsync("demo-admin (Comune di Cremona)");
        Assert.DoesNotContain("codice", page.Url);

        // A value the service refuses: its violation, in Italian, beside the field.
        await OpenAsync(page, $"/indicatori/{Indicator}?ente=demo");
        await page.GetByLabel("Periodo", new() { Exact = true }).SelectOptionAsync("2022");
        await page.GetByLabel("Valore rilevato").FillAsync("dodici");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registra il valore" }).ClickAsync();
        await Assertions.Expect(page.Locator("#valore-rilevato-errore")).ToHaveTextAsync("Deve essere un numero, ad esempio 1234,56.");
        await Assertions.Expect(page.GetByLabel("Valore rilevato")).ToHaveAttributeAsync("aria-describedby", "valore-rilevato-errore");
        await ShootAsync(page, "indicatore-modulo", 1280);

        // Typed the Italian way; achievement and status are the service's.
        await page.GetByLabel("Valore rilevato").FillAsync("12,0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registra il valore" }).ClickAsync();
        await Assertions.Expect(page.Locator("#esito")).ToContainTextAsync("2022");
        var period = await ApiAsync($"/v1/indicators/{Indicator}/periods/2022?ente=demo");
        Assert.Equal("12.00", period.GetProperty("actual").GetString());
        await Assertions.Expect(page.Locator("tr[data-periodo='2022'] td").Nth(2))
            .ToHaveTextAsync($"{Number(period.GetProperty("achievement").GetString()!)} %");
        await Assertions.Expect(page.Locator("tr[data-periodo='2022']")).ToContainTextAsync("Raggiunto");

        var after = await ApiAsync($"/v1/scorecards/{WebFixture.Plan}?year=2022&ente=demo");
        Assert.Equal(Count(before, "achieved") + 1, Count(after, "achieved"));
        await OpenAsync(page, $"/piani/{WebFixture.Plan}?ente=demo&anno=2022");
        await Assertions.Expect(page.Locator("#punteggio")).ToHaveTextAsync(Number(after.GetProperty("score").GetString()!));
        await Assertions.Expect(page.Locator(".conteggi tr[data-stato='ACHIEVED'] td")).ToHaveTextAsync(Count(after, "achieved").ToString("N0", Italian));

        // A closed period refuses a new actual, beside the period; reopened, it takes one again.
        await OpenAsync(page, $"/indicatori/{Indicator}?ente=demo");
        await page.GetByLabel("Periodo da chiudere o riaprire").SelectOptionAsync("2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chiudi il periodo" }).ClickAsync();
        await Assertions.Expect(page.Locator("#esito")).ToHaveTextAsync("Periodo 2022 chiuso.");
        await page.GetByLabel("Periodo", new() { Exact = true }).SelectOptionAsync("2022");
        await page.GetByLabel("Valore rilevato").FillAsync("11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registra il valore" }).ClickAsync();
        await Assertions.Expect(page.Locator("#valore-periodo-errore")).ToContainTextAsync("Il periodo è chiuso");
        await page.GetByLabel("Periodo da chiudere o riaprire").SelectOptionAsync("2022");
        await page.GetByRole(AriaRole.Button, new() { Name = "Riapri il periodo" }).ClickAsync();
        await Assertions.Expect(page.Locator("#esito")).ToHaveTextAsync("Periodo 2022 riaperto.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Esci" }).ClickAsync();
        var other = await PageAsync();
        await other.GotoAsync(link);
        await Assertions.Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("già stato usato");
    }

    [Fact]
    public async Task A_progress_report_with_a_script_is_shown_as_text_and_a_bad_period_is_refused_beside_it()
    {
        var page = await PageAsync();
        await SignInWithTokenAsync(page, "web-planner", "planner");
        await OpenAsync(page, $"/piani/{WebFixture.Plan}/obiettivi/1.2?ente=demo&anno=2021");

        await page.GetByLabel("Periodo (ad esempio 2023 o 2023-H1)").FillAsync("2023-X");
        await page.GetByLabel("Stato", new() { Exact = true }).SelectOptionAsync("ON_TRACK");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva il rapporto" }).ClickAsync();
        await Assertions.Expect(page.Locator("#rapporto-period-errore")).ToContainTextAsync("Periodo non valido");

        await page.GetByLabel("Periodo (ad esempio 2023 o 2023-H1)").FillAsync("2023-H2");
        await page.GetByLabel("Stato di attuazione").FillAsync("<script>document.title='x'</script> Cantieri aperti");
        await page.GetByRole(AriaRole.Button, new() { Name = "Salva il rapporto" }).ClickAsync();
        await Assertions.Expect(page.Locator("#esito")).ToHaveTextAsync("Rapporto sullo stato di attuazione salvato.");
        await Assertions.Expect(page.Locator("td.testo", new() { HasText = "<script>document.title='x'</script> Cantieri aperti" })).ToHaveCountAsync(1);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('script').length"));
        // Staff see the objective's audit trail; its first entry is the demo load's creation.
        await Assertions.Expect(page.Locator("#storico tbody tr").Last).ToContainTextAsync("Creazione");
        await ShootAsync(page, "obiettivo-modulo", 1280);
    }

    [Fact]
    public async Task The_variables_of_a_formula_are_typed_each_beside_its_violation_and_the_service_computes_the_actual()
    {
        var page = await PageAsync();
        await SignInWithTokenAsync(page, "web-formula", "planner");
        await OpenAsync(page, "/indicatori/dup-1-2-i1?ente=demo");
        await page.GetByLabel("Periodo", new() { Exact = true }).SelectOptionAsync("2023");
        await page.GetByLabel("rd_kg").FillAsync("molti");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registra il valore" }).ClickAsync();
        await Assertions.Expect(page.Locator("#variabile-rd_kg-errore")).ToHaveTextAsync("Deve essere un numero, ad esempio 1234,56.");
        await Assertions.Expect(page.Locator("#variabile-rsu_kg-errore")).ToHaveTextAsync("Serve un valore per «rsu_kg».");

        await page.GetByLabel("rd_kg").FillAsync("600");
        await page.GetByLabel("rsu_kg").FillAsync("1000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registra il valore" }).ClickAsync();
        await Assertions.Expect(page.Locator("#esito")).ToContainTextAsync("2023");
        var period = await ApiAsync("/v1/indicators/dup-1-2-i1/periods/2023?ente=demo");
        Assert.True(period.GetProperty("actualComputed").GetBoolean());
        await Assertions.Expect(page.Locator("tr[data-periodo='2023'] td").Nth(1))
            .ToHaveTextAsync($"{Number(period.GetProperty("actual").GetString()!)} %");
    }
}
