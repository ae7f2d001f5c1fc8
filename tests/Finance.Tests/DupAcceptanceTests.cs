using System.Globalization;
using Finance.Tests.Files;

namespace Finance.Tests;

/// <summary>The Cremona DUP 2023-2025 finance tables, loaded from the demo files through the import RPC.</summary>
public sealed class DupAcceptanceTests(ServiceFactory<FinanceGrpcService> factory)
    : FileTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{
    private Task<FinanceService.FinanceServiceClient> LoadBudgetAsync(string tenant, bool withDebt = true) => LoadDemoBudgetAsync(tenant, withDebt);

    [Fact]
    public async Task Balance_tables_give_back_every_printed_total_to_the_cent_and_both_equilibria_zero()
    {
        await LoadBudgetAsync("dup-balances", withDebt: false);
        var rest = Rest("dup-balances");
        var checkedCells = 0;
        foreach (var (column, year, stage) in DupTables.Columns)
        {
            var json = await rest.GetJsonAsync($"/v1/budgets/{DupTables.BudgetId}:balances?year={year}&stage={stage.ToString().ToUpperInvariant()}", Cancellation);
            foreach (var (table, part) in new[] { (DupTables.CurrentTable, "current"), (DupTables.CapitalTable, "capital") })
            {
                // Every printed row, in the document's order, against the computed row in the same position.
                var printed = DupTables.FinanceRows(table).Where(r => r["column_label"] == column)
                    .OrderBy(r => int.Parse(r["source_line"], CultureInfo.InvariantCulture)).ToList();
                var computed = json.GetProperty(part).GetProperty("rows").EnumerateArray().ToList();
                Assert.Equal(printed.Count, computed.Count);
                for (var i = 0; i < printed.Count; i++)
                {
                    Assert.True(printed[i]["value"] == computed[i].GetProperty("amount").GetString(),
                        $"{column} {part} row {i} '{printed[i]["row_label"]}': printed {printed[i]["value"]}, computed {computed[i].GetProperty("amount").GetString()} ({computed[i].GetProperty("key").GetString()})");
                    checkedCells++;
                }
                Assert.Equal("0.00", json.GetProperty(part).GetProperty("equilibrium").GetString());
                Assert.True(json.GetProperty(part).GetProperty("balanced").GetBoolean());
            }
        }
        Assert.Equal(124, checkedCells);
    }

    private async Task<DebtSchedule> DebtScheduleAsync(string tenant) =>
        await (await LoadBudgetAsync(tenant)).GetDebtScheduleAsync(
            new GetDebtScheduleRequest { Name = $"budgets/{DupTables.BudgetId}/debtSchedule" }, Call());

    [Fact]
    public async Task Debt_schedule_reproduces_the_printed_closing_debt_and_debt_per_inhabitant()
    {
        var schedule = await DebtScheduleAsync("dup-debt");

        var printed = DupTables.FinanceRows(DupTables.DebtTable);
        Assert.Equal([2021, 2022, 2023, 2024, 2025], schedule.Years.Select(y => y.Year));
        foreach (var year in schedule.Years)
        {
            string Printed(string label) => printed.Single(r => r["row_label"] == label && r["column_label"] == year.Year.ToString(CultureInfo.InvariantCulture))["value"];
            Assert.Equal(Printed("Totale fine anno"), year.ClosingDebt);
            Assert.Equal(Printed("Debito medio per abitante"), year.DebtPerInhabitant);
        }
        Assert.Equal("419.78", schedule.Years[0].DebtPerInhabitant);
        Assert.Equal("347.45", schedule.Years[^1].DebtPerInhabitant);
    }

    [Fact]
    public async Task Debt_schedule_reports_the_two_repayment_mismatches_of_the_dup()
    {
        var schedule = await DebtScheduleAsync("dup-debt-issues");

        Assert.Equal([(2024, "REPAYMENT_MISMATCH", "1100000.00", "1300000.00", "200000.00"), (2025, "REPAYMENT_MISMATCH", "1100000.00", "1106000.00", "6000.00")],
            schedule.Issues.Select(i => (i.Year, i.Kind, i.Expected, i.Actual, i.Difference)));
    }

    [Fact]
    public async Task Balanced_budget_is_approved()
    {
        var grpc = await LoadBudgetAsync("dup-balanced");

        var approved = await grpc.ApproveBudgetAsync(new ApproveBudgetRequest { Name = $"budgets/{DupTables.BudgetId}" }, Call());

        Assert.Equal(Budget.Types.State.Approved, approved.State);
    }

    [Fact]
    public async Task Approved_budget_refuses_every_change_without_writing()
    {
        var grpc = await LoadBudgetAsync("dup-approve");
        var name = $"budgets/{DupTables.BudgetId}";
        var approved = await grpc.ApproveBudgetAsync(new ApproveBudgetRequest { Name = name }, Call());
        Assert.Equal(Budget.Types.State.Approved, approved.State);

        var lines = new BatchUpsertBudgetLinesRequest { Parent = name, Entries = { await StoredLineAsync(grpc, name, "entrate-t1") } };
        lines.Entries[0].Line.Amounts[0].Appropriation = "1.00";
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => grpc.BatchUpsertBudgetLinesAsync(lines, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => grpc.UpdateBudgetAsync(new UpdateBudgetRequest
        {
            Budget = new Budget { Name = name, Title = "Changed" },
        }, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => grpc.UpdateDebtScheduleAsync(new UpdateDebtScheduleRequest
        {
            Schedule = new DebtSchedule { Name = name + "/debtSchedule" },
        }, Call()).ResponseAsync);
        var rest = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await Rest("dup-approve").PostJsonAsync($"/v1/{name}:approve", "{}", Cancellation));
        Assert.Equal("BUDGET_APPROVED", rest.Reason);

        Assert.Equal(approved, await grpc.GetBudgetAsync(new GetBudgetRequest { Name = name }, Call()));
        var t1 = (await grpc.ListBudgetLinesAsync(new ListBudgetLinesRequest { Parent = name }, Call())).Lines.Single(l => l.Name.EndsWith("/entrate-t1"));
        Assert.Equal("51001540.00", t1.Amounts[0].Appropriation);
        Assert.Equal(5, (await grpc.GetDebtScheduleAsync(new GetDebtScheduleRequest { Name = name + "/debtSchedule" }, Call())).Years.Count);
    }

    /// <summary>A stored line as an entry to upsert again.</summary>
    private async Task<BudgetLineEntry> StoredLineAsync(FinanceService.FinanceServiceClient grpc, string budget, string lineId)
    {
        var line = (await grpc.ListBudgetLinesAsync(new ListBudgetLinesRequest { Parent = budget }, Call())).Lines.Single(l => l.Name == $"{budget}/lines/{lineId}");
        line.Name = "";
        return new BudgetLineEntry { LineId = lineId, Line = line };
    }

    /// <summary>The DUP budget with 2024 spending of titolo 4 raised by 200,000.00, which unbalances the current part.</summary>
    private async Task<(FinanceService.FinanceServiceClient Grpc, string Name)> UnbalancedAsync(string tenant)
    {
        var grpc = await LoadBudgetAsync(tenant, withDebt: false);
        var name = $"budgets/{DupTables.BudgetId}";
        var spending = await StoredLineAsync(grpc, name, "spese-t4");
        spending.Line.Amounts.Single(a => a.Year == 2024).Appropriation = "1300000.00";
        await grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest { Parent = name, Entries = { spending } }, Call());
        return (grpc, name);
    }

    [Fact]
    public async Task Unbalanced_budget_balances_name_the_failing_rule_and_amount()
    {
        var (grpc, name) = await UnbalancedAsync("dup-unbalanced");

        var balances = await grpc.GetBudgetBalancesAsync(new GetBudgetBalancesRequest { Name = name, Year = 2024, Stage = Stage.Previsione }, Call());

        Assert.False(balances.Balanced);
        Assert.Equal("-200000.00", balances.Current.Equilibrium);
        Assert.Contains("EQUILIBRIO DI PARTE CORRENTE", balances.Current.Failure);
        Assert.Contains("200000.00", balances.Current.Failure);
        Assert.True(balances.Capital.Balanced);
    }

    [Fact]
    public async Task Unbalanced_budget_is_not_approved_naming_the_failing_rule()
    {
        var (grpc, name) = await UnbalancedAsync("dup-not-approved");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition,
            () => grpc.ApproveBudgetAsync(new ApproveBudgetRequest { Name = name }, Call()).ResponseAsync);

        Assert.Contains("2024 Previsione: EQUILIBRIO DI PARTE CORRENTE", status.Message);
        Assert.Equal(Budget.Types.State.Draft, (await grpc.GetBudgetAsync(new GetBudgetRequest { Name = name }, Call())).State);
    }

    [Fact]
    public async Task Summaries_total_any_level_for_a_year_and_stage()
    {
        var grpc = await LoadBudgetAsync("dup-summaries", withDebt: false);
        var summary = await grpc.SummarizeBudgetLinesAsync(new SummarizeBudgetLinesRequest
        {
            Parent = $"budgets/{DupTables.BudgetId}", Kind = BudgetLine.Types.Kind.Spending,
            Year = 2023, Stage = Stage.Previsione, GroupBy = { "titolo" },
        }, Call());
        Assert.Equal([("1", "81921177.10"), ("2", "42792436.81"), ("3", "0.00"), ("4", "1390000.00")],
            summary.Totals.Select(t => (t.Keys[0], t.Appropriation)));
        Assert.Equal("126103613.91", summary.GrandTotal.Appropriation);
    }

    [Fact]
    public async Task Financial_indicators_follow_their_documented_formulas()
    {
        var grpc = await LoadBudgetAsync("dup-indicators");
        var result = await grpc.GetFinancialIndicatorsAsync(new GetFinancialIndicatorsRequest
        {
            Name = $"budgets/{DupTables.BudgetId}", Year = 2023, Stage = Stage.Previsione,
        }, Call());
        var values = result.Indicators.ToDictionary(i => i.Key, i => i.Value);
        Assert.Equal(71766, result.Inhabitants);
        // (40,850,000.00 + 21,542,400.00) / 80,146,113.42 = 77.8483..%
        Assert.Equal("77.85", values["autonomia_finanziaria"]);
        Assert.Equal("50.97", values["autonomia_impositiva"]);
        Assert.Equal("569.21", values["pressione_tributaria_per_abitante"]);
        Assert.Equal("1141.50", values["spesa_corrente_per_abitante"]);
        Assert.Equal("1.73", values["rigidita_strutturale"]);
    }
}
