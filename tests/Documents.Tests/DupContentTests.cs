using System.Globalization;

namespace Documents.Tests;

/// <summary>
/// The demo DUP rendered as HTML and as DOCX, parsed back, against the numbers of the source document
/// (<c>data/demo/sources</c> and the tables extracted from it) and against what the services compute.
/// </summary>
public sealed class DupContentTests(DemoHosts hosts) : DocumentsTest(hosts), IClassFixture<DemoHosts>
{
    private async Task<IReadOnlyList<RenderedTable>> TablesAsync(string format) =>
        RenderedTables.From(format, await RenderAsync(DemoHosts.Tenant, DemoDup.Plan, "dup", format));

    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    public async Task Every_indicator_row_of_section_1_3_has_the_printed_target_and_actual_and_the_service_achievement(string format)
    {
        var tables = await TablesAsync(format);
        var csv = DemoDup.IndicatorRows();
        var indicators = new IndicatorsService.IndicatorsServiceClient(Hosts.Channel(Hosts.Indicators, DemoHosts.Tenant));
        var series = (await indicators.BatchGetTimeSeriesAsync(new BatchGetTimeSeriesRequest { Names = { csv.Select(DemoDup.IndicatorName).Distinct() } }, Call()))
            .Series.ToDictionary(s => s.Indicator);
        var checkedRows = 0;
        foreach (var row in csv)
        {
            var name = row["indicator_name"];
            var table = Assert.Single(tables, t => t.Heading.StartsWith($"Obiettivo strategico {row["strategic_objective_code"]} - ", StringComparison.Ordinal)
                && t.Caption.StartsWith(name[..Math.Min(name.Length, 200)], StringComparison.Ordinal));
            var cells = Assert.Single(table.Rows, r => r[0] == row["year"]);
            var period = series[DemoDup.IndicatorName(row)].Periods.Single(p => p.Name.EndsWith("/periods/" + row["year"], StringComparison.Ordinal));
            var where = $"{row["indicator_id"]} {row["year"]}";
            Assert.True(Printed(row["target"]) == cells[1], $"{where} target: printed {row["target"]}, rendered {cells[1]}");
            Assert.True(Printed(period.Actual) == cells[2], $"{where} actual: service {period.Actual}, rendered {cells[2]}");
            if (DemoDup.Measured(row) && !DemoDup.ComputedActual(row))
                Assert.True(Printed(row["actual"]) == cells[2], $"{where} actual: printed {row["actual"]}, rendered {cells[2]}");
            Assert.True(Printed(period.Achievement) == cells[3], $"{where} achievement: service {period.Achievement}, rendered {cells[3]}");
            checkedRows++;
        }
        Assert.Equal(220, checkedRows);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    public async Task The_2_1_7_balance_tables_print_every_row_of_the_source_to_the_cent_in_all_four_columns(string format)
    {
        var tables = await TablesAsync(format);
        var checkedCells = 0;
        foreach (var (source, caption) in new[] { (DemoDup.CurrentTable, "Equilibrio di parte corrente"), (DemoDup.CapitalTable, "Equilibrio di parte capitale") })
        {
            var table = tables.Single(caption);
            foreach (var (column, _, _) in DemoDup.BalanceColumns)
            {
                var index = table.Headers.ToList().IndexOf(column);
                Assert.True(index > 0, $"{caption}: no column {column} in {string.Join(" | ", table.Headers)}");
                var printed = DemoDup.FinanceRows(source).Where(r => r["column_label"] == column)
                    .OrderBy(r => int.Parse(r["source_line"], CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(printed.Count, table.Rows.Count);
                for (var i = 0; i < printed.Count; i++)
                {
                    Assert.True(Cents(printed[i]["value"]) == table.Rows[i][index],
                        $"{caption} {column} row {i} '{printed[i]["row_label"]}': printed {printed[i]["value_raw"]}, rendered {table.Rows[i][index]}");
                    checkedCells++;
                }
            }
        }
        Assert.Equal(124, checkedCells);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    public async Task Debt_per_inhabitant_2021_2025_is_the_printed_one(string format)
    {
        var table = (await TablesAsync(format)).Single("Andamento del residuo debito e debito pro capite");
        var column = table.Headers.ToList().IndexOf("Debito medio per abitante");
        var printed = DemoDup.FinanceRows(DemoDup.DebtTable).Where(r => r["row_label"] == "Debito medio per abitante").ToList();
        Assert.Equal(["2021", "2022", "2023", "2024", "2025"], printed.Select(r => r["column_label"]).Order());
        foreach (var year in printed)
            Assert.Equal(Cents(year["value"]), Assert.Single(table.Rows, r => r[0] == year["column_label"])[column]);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    public async Task Pnrr_totals_are_the_totali_row_of_the_financing_table(string format)
    {
        var tables = await TablesAsync(format);
        // DUP line 8589: TOTALI | cost | cofinancing and contribution 2022, 2023, 2024 | contribution in the budget.
        var totali = DemoDup.SourceLine(8589).Split('\t');
        Assert.Equal("TOTALI", totali[0]);
        static decimal It(string printed) => decimal.Parse(printed.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);
        var cofinancing = It(totali[2]) + It(totali[4]) + It(totali[6]);

        var total = Assert.Single(tables.Single("Totali PNRR per missione").Rows, r => r[0] == "Totale");
        Assert.Equal(totali[1], total[2]);
        Assert.Equal(totali[8], total[3]);
        Assert.Equal(cofinancing.ToString("N2", DocumentsTest.It), total[4]);
        Assert.Equal(41, tables.Single("Interventi finanziati dal PNRR").Rows.Count);
    }

    [Fact]
    public async Task The_docx_is_valid_open_xml_in_italian_with_heading_styles_and_page_numbers()
    {
        using var package = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(
            new MemoryStream(await RenderAsync(DemoHosts.Tenant, DemoDup.Plan, "dup", "docx")), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(package).Take(3).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var styles = package.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        Assert.Equal("it-IT", styles.DocDefaults!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Languages>().Single().Val!.Value);
        Assert.Contains(package.MainDocumentPart.FooterParts.Single().Footer!.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>(), f => f.Text.Trim() == "PAGE");
        var headings = package.MainDocumentPart.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading3" && p.InnerText.StartsWith("Obiettivo operativo ", StringComparison.Ordinal));
        Assert.Equal(175, headings);
    }
}
