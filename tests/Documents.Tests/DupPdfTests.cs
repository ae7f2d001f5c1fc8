using System.Text.RegularExpressions;

namespace Documents.Tests;

/// <summary>The demo DUP printed to PDF by headless Chromium, read back with poppler.</summary>
public sealed partial class DupPdfTests(DemoHosts hosts) : DocumentsTest(hosts), IClassFixture<DemoHosts>
{
    [GeneratedRegex(@"^\s*Obiettivo operativo (\S+) - ", RegexOptions.Multiline)]
    private static partial Regex CardHeading();

    [Fact]
    public async Task The_pdf_renders_with_one_card_per_operational_objective_and_page_images_of_the_cover_and_2_1_7()
    {
        var pdf = Path.Combine(Poppler.ResultsDirectory, "dup.pdf");
        Directory.CreateDirectory(Poppler.ResultsDirectory);
        await File.WriteAllBytesAsync(pdf, await RenderAsync(DemoHosts.Tenant, DemoDup.Plan, "dup", "pdf"), Cancellation);

        var tree = await new ObjectivesService.ObjectivesServiceClient(Hosts.Channel(Hosts.Objectives, DemoHosts.Tenant))
            .GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/" + DemoDup.Plan }, Call());
        var pages = await Poppler.PagesTextAsync(pdf, Cancellation);
        var cards = pages.SelectMany(p => CardHeading().Matches(p)).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(tree.CountByLevel["Obiettivo operativo"], cards.Count);
        Assert.Equal(175, cards.Distinct().Count());

        Assert.Contains("Comune di Cremona", pages[0], StringComparison.OrdinalIgnoreCase);
        var balances = Array.FindIndex(pages, p => p.Contains("2.1.7 Gli equilibri di bilancio", StringComparison.Ordinal) && p.Contains("Equilibrio di parte corrente", StringComparison.Ordinal));
        Assert.True(balances > 0, "no page with the 2.1.7 tables");
        Assert.Contains($"Pagina {balances + 1} di {pages.Count(p => p.Trim().Length > 0)}", pages[balances], StringComparison.Ordinal);
        foreach (var (page, name) in new[] { (1, "dup-pagina-1"), (balances + 1, "dup-2-1-7") })
            Assert.True(new FileInfo(await Poppler.PageImageAsync(pdf, page, name, Cancellation)).Length > 10_000, $"{name}.png is blank");

        var info = await Poppler.InfoAsync(pdf, Cancellation);
        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Matches(@"Title:\s+Documento Unico di Programmazione", info);
    }
}
