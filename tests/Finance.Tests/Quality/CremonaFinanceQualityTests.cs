using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Finance.Quality;
using Finance.Tests.Files;
using Google.Protobuf;
using Platform.Spreadsheets.Records;
using Platform.Quality.V1;

namespace Finance.Tests.Quality;

/// <summary>
/// The budget and investment reports on the Cremona DUP as the demo loads it find the SUMMARY.md problems their
/// rules cover, and nothing on a clean budget of the same size; ValidateBudget through gRPC and REST.
/// </summary>
public sealed class CremonaFinanceQualityTests(ServiceFactory<FinanceGrpcService> factory)
    : FileTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{
    private static readonly ValidateBudgetRequest DemoBudget = new() { Name = "budgets/" + DupTables.BudgetId };

    /// <summary>The demo budget, debt and PNRR projects, imported from the demo files as the launcher does.</summary>
    private async Task<FinanceService.FinanceServiceClient> LoadDemoAsync(string tenant)
    {
        var grpc = await LoadDemoBudgetAsync(tenant);
        await CommitDemoAsync(tenant, "investments", "", "investimenti-pnrr.csv");
        return grpc;
    }

    private static string[] Fields(ValidationReport report, string rule) =>
        report.Findings.Where(f => f.Rule == rule).Select(f => f.Field).ToArray();

    private static string[] Lines(ValidationReport report, string rule) =>
        report.Findings.Where(f => f.Rule == rule).Select(f => f.Resource.Split('-')[^1]).Order().ToArray();

    private static IEnumerable<IReadOnlyDictionary<string, string>> FinancingRows() =>
        CsvRecords.Read(DupTables.Extracted("pnrr_projects.csv")).Where(r => r["source_table"] == "financing_table_2_1_6_1");

    [Fact]
    public async Task The_demo_budget_report_finds_the_repayments_that_differ_from_the_balance_and_the_frozen_population()
    {
        var grpc = await LoadDemoAsync("cremona-budget-quality");

        var report = await grpc.ValidateBudgetAsync(DemoBudget, Call());
        var rest = await Rest("cremona-budget-quality").GetJsonAsync($"/v1/{DemoBudget.Name}:validate", Cancellation);

        Assert.Equal(["years[2024].repayments", "years[2025].repayments"], Fields(report, "debt.repayment_mismatch"));
        Assert.Equal(["years[2022].inhabitants", "years[2023].inhabitants", "years[2024].inhabitants", "years[2025].inhabitants"],
            Fields(report, "debt.stale_population"));
        Assert.Empty(Fields(report, "budget.balance_not_zero"));
        Assert.Empty(Fields(report, "debt.roll_forward"));
        Assert.Equal(report.Findings.Count, rest.GetProperty("findings").GetArrayLength());
        Assert.Equal(report.Counts.Errors, rest.GetProperty("counts").GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task The_demo_investment_report_finds_the_short_cups_both_sides_of_the_swap_and_the_MSC2_typos()
    {
        var grpc = await LoadDemoAsync("cremona-investment-quality");

        var report = await grpc.ValidateInvestmentsAsync(new ValidateInvestmentsRequest(), Call());

        var shortCups = FinancingRows().Where(r => r["cup"].Length is > 0 and < 15).Select(r => r["source_line"]).Order().ToArray();
        Assert.Equal(3, shortCups.Length);
        Assert.Equal(shortCups, Lines(report, "investment.cup_malformed"));
        Assert.Equal(["8540", "8541"], Lines(report, "investment.contribution_above_cost"));
        var typos = FinancingRows().Where(r => Regex.IsMatch(r["title"], @"\bMSC2\b")).Select(r => r["source_line"]);
        var withoutMeasure = FinancingRows().Where(r => r["mission"].Length == 0
            && new[] { "contrib_2022", "contrib_2023", "contrib_2024" }.Any(c => r[c].Length > 0 && decimal.Parse(r[c], CultureInfo.InvariantCulture) > 0))
            .Select(r => r["source_line"]);
        Assert.Equal(typos.Concat(withoutMeasure).Order(), Lines(report, "investment.measure_malformed"));
        Assert.NotEmpty(typos);
        // The Regis or ICT row a financing row links to prints another cost (the extraction's own link, line by line).
        var listRows = CsvRecords.Read(DupTables.Extracted("pnrr_projects.csv")).Where(r => r["source_table"] != "financing_table_2_1_6_1")
            .ToDictionary(r => "line " + r["source_line"]);
        var otherCost = FinancingRows().Where(r => listRows.TryGetValue(r["linked_list_row"], out var listed)
                && decimal.Parse(listed["amount_total_eur"], CultureInfo.InvariantCulture) != decimal.Parse(r["amount_total_eur"], CultureInfo.InvariantCulture))
            .Select(r => r["source_line"]).Order().ToArray();
        Assert.Equal(8, otherCost.Length);
        Assert.Equal(otherCost, report.Findings.Where(f => f.Rule == "investment.cost_differs_between_lists" && f.Field.StartsWith("listings[", StringComparison.Ordinal))
            .Select(f => f.Resource.Split('-')[^1]).Order().ToArray());
    }

    [Fact]
    public async Task A_finding_on_the_debt_schedule_is_silenced_with_its_reason_and_audited_on_the_budget()
    {
        var grpc = await LoadDemoAsync("cremona-silence");
        var rest = Rest("cremona-silence");

        var response = await rest.PostJsonAsync("/v1/budgets:silenceFinding",
            $$"""{"resource":"{{DemoBudget.Name}}/debtSchedule","rule":"debt.stale_population","reason":"Popolazione al 31/12/2021 per tutti gli anni di previsione"}""", Cancellation);
        response.EnsureSuccessStatusCode();
        var report = await grpc.ValidateBudgetAsync(DemoBudget, Call());
        var audit = await grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = DemoBudget.Name, PageSize = 500 }, Call());

        Assert.All(report.Findings.Where(f => f.Rule == "debt.stale_population"), f => Assert.True(f.Silenced));
        Assert.Equal(4, report.Counts.Silenced);
        Assert.Contains(audit.AuditEvents, e => e.Action == "silence_finding" && e.Resource == DemoBudget.Name + "/debtSchedule");
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => Grpc("stranger").ValidateBudgetAsync(DemoBudget, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => Grpc("stranger").SilenceFindingAsync(new SilenceFindingRequest
        {
            Resource = "investments/pnrr-8540", Rule = "investment.contribution_above_cost", Reason = "non mio",
        }, Call()).ResponseAsync);
        var bad = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await rest.PostJsonAsync("/v1/budgets:silenceFinding",
            """{"resource":"plans/x","rule":"debt.stale_population","reason":"x"}""", Cancellation));
        Assert.Equal(["resource"], bad.Fields);
    }

    [Fact]
    public async Task A_clean_budget_and_41_clean_investments_have_no_finding()
    {
        var grpc = Grpc("clean-finance");
        await grpc.CreateBudgetAsync(new CreateBudgetRequest { BudgetId = "pulito", Budget = JsonParser.Default.Parse<CreateBudgetRequest>(File.ReadAllText(DupTables.Import("bilancio.json"))).Budget }, Call());
        var lines = new BatchUpsertBudgetLinesRequest { Parent = "budgets/pulito" };
        foreach (var (id, line, amount) in new[]
        {
            ("entrate-t1", new BudgetLine { Kind = BudgetLine.Types.Kind.Revenue, Titolo = 1 }, "1100000.00"),
            ("spese-t1", new BudgetLine { Kind = BudgetLine.Types.Kind.Spending, Titolo = 1 }, "1000000.00"),
            ("spese-t4", new BudgetLine { Kind = BudgetLine.Types.Kind.Spending, Titolo = 4 }, "100000.00"),
        })
        {
            line.Amounts.Add(DupTables.Columns.Select(c => new LineAmount { Year = c.Year, Stage = c.Stage, Appropriation = amount }));
            lines.Entries.Add(new BudgetLineEntry { LineId = id, Line = line });
        }
        await grpc.BatchUpsertBudgetLinesAsync(lines, Call());
        var schedule = new DebtSchedule { Name = "budgets/pulito/debtSchedule" };
        for (var year = 2021; year <= 2025; year++)
            schedule.Years.Add(new DebtYear
            {
                Year = year, OpeningDebt = $"{3000000 - (year - 2021) * 100000}.00", Repayments = "100000.00", Inhabitants = 71000 + year,
            });
        await grpc.UpdateDebtScheduleAsync(new UpdateDebtScheduleRequest { Schedule = schedule }, Call());
        var import = new ImportInvestmentsRequest();
        for (var i = 0; i < 41; i++)
            import.Investments.Add(new CreateInvestmentRequest
            {
                InvestmentId = $"pulito-{i}",
                Investment = new Investment
                {
                    Cup = $"D14J22{i:000000000}", Title = $"Riqualificazione energetica dell'edificio comunale numero {i}", PnrrMeasure = "M2-C4-I2.2",
                    TotalCost = "100000.00", Years = { new InvestmentYear { Year = 2023, PnrrContribution = "80000.00", Cofinancing = "20000.00" } },
                },
            });
        await grpc.ImportInvestmentsAsync(import, Call());

        var budget = await grpc.ValidateBudgetAsync(new ValidateBudgetRequest { Name = "budgets/pulito" }, Call());
        var investments = await grpc.ValidateInvestmentsAsync(new ValidateInvestmentsRequest(), Call());

        Assert.Empty(budget.Findings);
        Assert.Empty(investments.Findings);
        Assert.Equal((FinanceRules.Budget.Count, FinanceRules.Investments.Count), (budget.RulesRun, investments.RulesRun));
    }

    [Fact]
    public async Task The_rules_are_listed_by_code_a_page_at_a_time()
    {
        var grpc = Grpc("rules-pages");
        var codes = new List<string>();
        var request = new ListQualityRulesRequest { PageSize = 4 };
        var pages = 0;
        do
        {
            var page = await grpc.ListQualityRulesAsync(request, Call());
            codes.AddRange(page.Rules.Select(r => r.Rule));
            request.PageToken = page.NextPageToken;
            pages++;
        } while (request.PageToken.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(FinanceRules.Budget.Select(r => r.Code).Concat(FinanceRules.Investments.Select(r => r.Code)).Order(StringComparer.Ordinal), codes);
        await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => grpc.ListQualityRulesAsync(new ListQualityRulesRequest { PageToken = "altro" }, Call()).ResponseAsync);
    }
}
