using System.Globalization;
using Platform.Finance.V1;
using Platform.Launcher.Demo;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>The Cremona DUP finance tables seeded by the launcher's loader and read back through the gateway.</summary>
public sealed class FinanceGatewayTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPlatform Platform => fixture.Platform;

    [Fact]
    public async Task Dup_balance_tables_and_debt_schedule_come_back_through_the_gateway_to_the_cent()
    {
        var data = CremonaFinanceTables.FindDataDirectory();
        var finance = new FinanceService.FinanceServiceClient(Platform.Grpc);
        Assert.True(await CremonaFinanceTables.LoadAsync(finance, data, CancellationToken.None) > 0, Platform.Log);

        foreach (var (column, year, stage) in CremonaFinanceTables.Columns)
        {
            var json = await Platform.Rest.GetJsonAsync(
                $"/v1/budgets/{CremonaFinanceTables.BudgetId}:balances?year={year}&stage={stage.ToString().ToUpperInvariant()}");
            foreach (var (table, part) in new[] { (CremonaFinanceTables.CurrentTable, "current"), (CremonaFinanceTables.CapitalTable, "capital") })
            {
                var printed = CremonaFinanceTables.FinanceRows(data, table).Where(r => r["column_label"] == column)
                    .OrderBy(r => int.Parse(r["source_line"], CultureInfo.InvariantCulture)).Select(r => r["value"]);
                var computed = json.GetProperty(part).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("amount").GetString());
                Assert.Equal(printed, computed);
                Assert.Equal("0.00", json.GetProperty(part).GetProperty("equilibrium").GetString());
            }
        }

        var debt = await Platform.Rest.GetJsonAsync($"/v1/budgets/{CremonaFinanceTables.BudgetId}/debtSchedule");
        Assert.Equal(["419.78", "400.34", "380.97", "362.86", "347.45"],
            debt.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("debtPerInhabitant").GetString()));
        Assert.Equal([2024, 2025], debt.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("year").GetInt32()));
    }
}
