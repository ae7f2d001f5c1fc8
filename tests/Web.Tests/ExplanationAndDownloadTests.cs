using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Web.Tests;

/// <summary>
/// The indicator page explains its figures with the service's own explanation, over the status bands; staff
/// download the documents of a plan citizens cannot see, with their session's identity.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ExplanationAndDownloadTests(WebFixture fixture) : BrowserTest(fixture)
{
    private const string Indicator = "dup-1-1-i1";

    [Fact]
    public async Task The_indicator_page_shows_how_2021s_4_17_comes_out_with_the_APIs_numbers_and_the_bands()
    {
        var api = await Fixture.Anonymous.GetFromJsonAsync<JsonElement>($"/v1/indicators/{Indicator}/periods/2021?ente=demo");
        var steps = api.GetProperty("explanation").GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("4.17", api.GetProperty("achievement").GetString());

        var page = await PageAsync();
        await OpenAsync(page, $"/indicatori/{Indicator}?ente=demo");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Come si calcola questo valore" })).ToBeVisibleAsync();
        var row = page.Locator("#calcolo tr[data-calcolo='2021']");
        await Assertions.Expect(row.Locator("li[data-dato='TARGET']")).ToHaveTextAsync("Target: 12,00 %");
        await Assertions.Expect(row.Locator("li[data-dato='ACTUAL']")).ToHaveTextAsync("Valore rilevato: 0,50 %");
        await Assertions.Expect(row.Locator("li[data-passo='ACHIEVEMENT']")).ToHaveTextAsync(steps[0].GetProperty("textIt").GetString()!);
        await Assertions.Expect(row.Locator("li[data-passo='ACHIEVEMENT']")).ToHaveTextAsync("min(100; 0,50 / 12,00 × 100) = 4,17 %");
        await Assertions.Expect(row.Locator("li[data-passo='STATUS']")).ToHaveTextAsync("4,17 % < 80 %: Non raggiunto.");
        await Assertions.Expect(row.Locator(".stato")).ToHaveTextAsync("Non raggiunto");
        await Assertions.Expect(page.Locator("#regola")).ToContainTextAsync("regola del DUP");
        await Assertions.Expect(page.Locator("#regola")).ToContainTextAsync("metà per eccesso");

        // The bands, in colour and in words, as the indicator defines them.
        var bands = page.Locator("#fasce li");
        await Assertions.Expect(bands).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#fasce li[data-stato='ACHIEVED']")).ToHaveTextAsync("Raggiunto da 100 % in su");
        await Assertions.Expect(page.Locator("#fasce li[data-stato='PARTIALLY_ACHIEVED']")).ToContainTextAsync("da 80 % a meno di 100 %");
        await Assertions.Expect(page.Locator("#fasce li[data-stato='NOT_ACHIEVED']")).ToContainTextAsync("sotto 80 %");
        await Assertions.Expect(page.GetByAltText("Grafico del raggiungimento per anno sulle fasce di stato", new() { Exact = false })).ToBeVisibleAsync();
        await page.Locator("#come-si-calcola").ScrollIntoViewIfNeededAsync();
        await ShootAsync(page, "indicatore-calcolo", 1280);
    }

    [Fact]
    public async Task Staff_download_an_unpublished_plans_PDF_and_DOCX_through_Scarica_and_a_citizen_gets_not_found()
    {
        const string plan = "dup-riservato-download";
        (await Fixture.Admin.PostAsJsonAsync($"/v1/plans?plan_id={plan}",
            new { title = "DUP riservato", kind = "DUP", startYear = 2023, endYear = 2025 })).EnsureSuccessStatusCode();

        var page = await PageAsync();
        await SignInWithTokenAsync(page, "web-download", "planner");
        await OpenAsync(page, $"/piani/{plan}?anno=2023");
        foreach (var (label, format, type) in new[]
        {
            ("PDF", "pdf", "application/pdf"),
            ("Word (DOCX)", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        })
        {
            var link = page.Locator(".scarica").GetByRole(AriaRole.Link, new() { Name = label, Exact = true });
            var href = await link.GetAttributeAsync("href");
            Assert.DoesNotContain("token", href, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith($"/piani/{plan}/documento?", href);

            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.EndsWith($".{format}", download.SuggestedFilename);
            Assert.True(new FileInfo(await download.PathAsync()).Length > 0, $"{label}: empty download");

            // The same address with the browser's cookies: the document's own type, a body.
            var answer = await page.Context.APIRequest.GetAsync(new Uri(Fixture.WebAddress, href).ToString());
            Assert.Equal(200, answer.Status);
            Assert.StartsWith(type, answer.Headers["content-type"]);
            Assert.True((await answer.BodyAsync()).Length > 0);
        }

        // A citizen (no session) asking the same address finds nothing; the published DUP still downloads.
        using var citizen = await Fixture.Web.GetAsync($"/piani/{plan}/documento?documento=dup&formato=pdf&anno=2023&ente=demo");
        Assert.Equal(HttpStatusCode.NotFound, citizen.StatusCode);
        Assert.Contains("Pagina non trovata", await citizen.Content.ReadAsStringAsync());
        using var published = await Fixture.Web.GetAsync($"/piani/{WebFixture.Plan}/documento?documento=dup&formato=html&anno=2021&ente=demo");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.StartsWith("text/html", published.Content.Headers.ContentType!.ToString());
        Assert.Contains("attachment", published.Content.Headers.ContentDisposition!.ToString());
    }
}
