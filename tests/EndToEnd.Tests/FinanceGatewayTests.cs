using System.Globalization;
using Platform.Finance.V1;
using Platform.Launcher.Demo;
using Platform.Spreadsheets.Records;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>The Cremona DUP finance tables loaded from the demo manifest through the import RPCs and read back through the gateway.</summary>
public sealed class FinanceGatewayTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPlatform Platform => fixture.Platform;

    [Fact]
    public async Task Dup_balance_tables_and_debt_schedule_come_back_through_the_gateway_to_the_cent()
    {
        // The launcher may have loaded it already: a budget that exists and a replayed import write nothing.
        await DemoManifest.LoadAsync(Platform.Grpc, DemoManifest.Find()!, _ => { }, CancellationToken.None);
        var printedRows = CsvRecords.Read(DemoFiles.Find("data/demo/cremona-dup-2023-2025/finance.csv")!);

        foreach (var (column, year, stage) in new[] { ("Assestato 2022", 2022, "ASSESTATO"), ("Previsione 2023", 2023, "PREVISIONE"),
                     ("Previsione 2024", 2024, "PREVISIONE"), ("Previsione 2025", 2025, "PREVISIONE") })
        {
            var json = await Platform.Rest.GetJsonAsync(
                $"/v1/budgets/bilancio-2023-2025:balances?year={year}&stage={stage}");
            foreach (var (table, part) in new[] { ("2.1.7 Equilibrio di parte corrente", "current"), ("2.1.7 Equilibrio di parte capitale", "capital") })
            {
                var printed = printedRows.Where(r => r["table_name"] == table && r["column_label"] == column)
                    .OrderBy(r => int.Parse(r["source_line"], CultureInfo.InvariantCulture)).Select(r => r["value"]);
                var computed = json.GetProperty(part).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("amount").GetString());
                Assert.Equal(printed, computed);
                Assert.Equal("0.00", json.GetProperty(part).GetProperty("equilibrium").GetString());
            }
        }

        var debt = await Platform.Rest.GetJsonAsync("/v1/budgets/bilancio-2023-2025/debtSchedule");
        Assert.Equal(["419.78", "400.34", "380.97", "362.86", "347.45"],
            debt.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("debtPerInhabitant").GetString()));
        Assert.Equal([2024, 2025], debt.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("year").GetInt32()));
    }
}
