using System.Globalization;
using Finance.Tests.Files;
using Platform.Spreadsheets.Records;

namespace Finance.Tests;

public sealed class InvestmentApiTests(FinanceWithObjectives host) : FileTest(host), IClassFixture<FinanceWithObjectives>
{
    private static string Money(decimal amount) => amount.ToString("F2", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Strict_import_refuses_the_three_14_character_cups_and_writes_nothing()
    {
        var (_, demo) = await LenientImportAsync("pnrr-strict-source");
        var grpc = Grpc("pnrr-strict");
        var request = new ImportInvestmentsRequest();
        foreach (var stored in demo)
        {
            var investment = stored.Clone();
            (investment.Name, investment.Etag, investment.CreateTime, investment.UpdateTime) = ("", "", null, null);
            investment.Flags.Clear();
            request.Investments.Add(new CreateInvestmentRequest { InvestmentId = stored.Name.Split('/')[^1], Investment = investment });
        }

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.ImportInvestmentsAsync(request, Call()).ResponseAsync);

        var shortCups = request.Investments.Select((r, i) => (r, i)).Where(x => x.r.Investment.Cup.Length == 14).ToList();
        Assert.NotEmpty(shortCups);
        Assert.Equal(shortCups.Select(x => $"investments[{x.i}].investment.cup"), status.ViolatedFields());
        Assert.Equal(["D13H2000010004", "D18E1800080006", "D18E1800090006"], shortCups.Select(x => x.r.Investment.Cup).Distinct().Order());
        Assert.Empty((await grpc.ListInvestmentsAsync(new ListInvestmentsRequest(), Call())).Investments);
    }

    /// <summary>The demo's PNRR projects imported from their file (CUP and measure mistakes flagged), and what was stored.</summary>
    private async Task<(FinanceService.FinanceServiceClient Grpc, IReadOnlyList<Investment> Imported)> LenientImportAsync(string tenant)
    {
        await CommitDemoAsync(tenant, "investments", "", "investimenti-pnrr.csv");
        var grpc = Grpc(tenant);
        return (grpc, (await grpc.ListInvestmentsAsync(new ListInvestmentsRequest { PageSize = 100 }, Call())).Investments);
    }

    [Fact]
    public async Task Lenient_import_flags_bad_cups_and_the_contribution_above_cost()
    {
        var (_, imported) = await LenientImportAsync("pnrr-lenient-flags");

        Assert.Equal(41, imported.Count);
        Assert.All(imported.Where(i => i.Cup.Length == 14), i => Assert.Contains("CUP_LENGTH", i.Flags));
        var above = imported.Where(i => i.Flags.Contains("CONTRIBUTION_EXCEEDS_COST")).ToList();
        var cavatigozzi = Assert.Single(above);
        Assert.Contains("Cavatigozzi", cavatigozzi.Title);
        Assert.Equal(("70050.00", "99950.00"), (cavatigozzi.TotalCost, cavatigozzi.TotalPnrrContribution));
    }

    [Fact]
    public async Task Summary_of_the_import_gives_the_printed_totals_and_the_table_totals_by_mission()
    {
        var (grpc, _) = await LenientImportAsync("pnrr-lenient-summary");

        var summary = await grpc.SummarizeInvestmentsAsync(new SummarizeInvestmentsRequest(), Call());

        // The TOTALI row of the financing table (DUP line 8589).
        Assert.Equal("55003388.54", summary.GrandTotal.TotalCost);
        Assert.Equal("45408629.76", summary.GrandTotal.PnrrContribution);
        Assert.Equal("3245908.57", summary.GrandTotal.Cofinancing);
        // Totals by mission summed independently from the shared table.
        var rows = CsvRecords.Read(DupTables.Extracted("pnrr_projects.csv")).Where(r => r["source_table"] == "financing_table_2_1_6_1");
        static decimal D(string s) => s.Length == 0 ? 0 : decimal.Parse(s, CultureInfo.InvariantCulture);
        var expected = rows.GroupBy(r => r["mission"]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Cost: Money(g.Sum(r => D(r["amount_total_eur"]))), Contribution: Money(g.Sum(r => D(r["contrib_total_in_budget"])))));
        Assert.Equal(expected, summary.Missions.Select(m => (m.PnrrMission, m.TotalCost, m.PnrrContribution)));
        Assert.Contains(summary.Components, c => c.PnrrComponent == "M5C2");
    }

    [Fact]
    public async Task Rest_lists_the_investments_of_a_mission()
    {
        await LenientImportAsync("pnrr-lenient-rest");

        var rest = await Rest("pnrr-lenient-rest").GetJsonAsync("/v1/investments?pnrrMission=M4&pageSize=100", Cancellation);

        Assert.All(rest.GetProperty("investments").EnumerateArray(), i => Assert.Equal("M4", i.GetProperty("pnrrMission").GetString()));
    }

    [Fact]
    public async Task Paging_in_small_pages_returns_every_investment_once_in_id_order_with_its_yearly_amounts()
    {
        var (grpc, _) = await LenientImportAsync("pnrr-lenient-paging");
        var summary = await grpc.SummarizeInvestmentsAsync(new SummarizeInvestmentsRequest(), Call());

        var paged = new List<Investment>();
        var token = "";
        do
        {
            var page = await grpc.ListInvestmentsAsync(new ListInvestmentsRequest { PageSize = 7, PageToken = token }, Call());
            paged.AddRange(page.Investments);
            token = page.NextPageToken;
        } while (token != "");

        Assert.Equal(summary.GrandTotal.Count, paged.Count);
        Assert.Equal(paged.Select(i => i.Name).Order(StringComparer.Ordinal), paged.Select(i => i.Name));
        Assert.Equal(summary.GrandTotal.PnrrContribution,
            Money(paged.Sum(i => i.Years.Sum(y => decimal.Parse(y.PnrrContribution, CultureInfo.InvariantCulture)))));
    }

    [Theory]
    [InlineData("M4-C1-I3.3", "M4", "M4C1", "3.3")]
    [InlineData("M5C2-I2.3.1", "M5", "M5C2", "2.3.1")]
    [InlineData("M1-C1-R1.2", "M1", "M1C1", "R1.2")]
    public async Task Pnrr_measure_is_parsed_and_linked_objectives_are_checked(string measure, string mission, string component, string investment)
    {
        var grpc = Grpc("pnrr-" + mission.ToLowerInvariant());

        var created = await grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = "anna-frank",
            Investment = new Investment
            {
                Cup = "D18I21000100005", Title = "Adeguamento sismico Anna Frank", PnrrMeasure = measure, TotalCost = "3024000.00",
                Years = { new InvestmentYear { Year = 2023, PnrrContribution = "1605810.00", Cofinancing = "1008000.00" } },
                Objectives = { DupObjectives.Schools.Name },
            },
        }, Call());

        Assert.Equal((mission, component, investment), (created.PnrrMission, created.PnrrComponent, created.PnrrInvestment));
        Assert.Empty(created.Flags);
        Assert.Equal(created, await grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = "investments/anna-frank" }, Call()));
    }

    [Fact]
    public async Task Bad_cup_measure_and_amount_are_field_violations_and_nothing_is_written()
    {
        var grpc = Grpc("pnrr-bad");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = "bad",
            Investment = new Investment { Title = "X", PnrrMeasure = "MSC2-INV. 2.3", TotalCost = "10.123", Cup = "D18I2100010000" },
        }, Call()).ResponseAsync);

        Assert.Equal(["investment.cup", "investment.pnrr_measure", "investment.total_cost"], status.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = "investments/bad" }, Call()).ResponseAsync);
    }

    [Fact]
    public async Task The_costs_other_lists_print_are_kept_and_a_bad_one_is_a_field_violation()
    {
        var grpc = Grpc("pnrr-listings");

        var bad = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = "listed",
            Investment = new Investment
            {
                Title = "Scuola Anna Frank", TotalCost = "3225610.24",
                Listings = { new InvestmentListing { List = "Regis", TotalCost = "-1" }, new InvestmentListing { List = "regis", TotalCost = "1.00" } },
            },
        }, Call()).ResponseAsync);
        Assert.Equal(["investment.listings[0].total_cost", "investment.listings[1].list"], bad.ViolatedFields());

        var created = await grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = "listed",
            Investment = new Investment
            {
                Title = "Scuola Anna Frank", TotalCost = "3225610.24", Listings = { new InvestmentListing { List = "Regis", TotalCost = "3225610.2" } },
            },
        }, Call());
        Assert.Equal(("Regis", "3225610.20"), (created.Listings.Single().List, created.Listings.Single().TotalCost));
        Assert.Equal(created, await grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = "investments/listed" }, Call()));
    }

    [Fact]
    public async Task An_unknown_objective_is_a_field_violation_and_nothing_is_written()
    {
        var grpc = Grpc("pnrr-unknown-objective");

        var missing = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = "bad", Investment = new Investment { Title = "X", TotalCost = "10.00", Objectives = { "plans/dup/objectives/9.9" } },
        }, Call()).ResponseAsync);

        Assert.Equal(["investment.objectives[0]"], missing.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = "investments/bad" }, Call()).ResponseAsync);
    }

    /// <summary>Budget b with two school lines (4.02, titoli 1 and 2) and a sport line (6.01) of 2024.</summary>
    private async Task<FinanceService.FinanceServiceClient> FundedBudgetAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        await grpc.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "b", Budget = new Budget { Title = "B", FirstYear = 2024, LastYear = 2025, Stages = { new BudgetStage { Year = 2024, Stage = Stage.Previsione } } },
        }, Call());
        BudgetLineEntry Line(string id, string mission, string programme, string amount, int titolo = 1) => new()
        {
            LineId = id,
            Line = new BudgetLine
            {
                Kind = BudgetLine.Types.Kind.Spending, Titolo = titolo, MissionCode = mission, ProgrammeCode = programme,
                Amounts = { new LineAmount { Year = 2024, Stage = Stage.Previsione, Appropriation = amount } },
            },
        };
        await grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest
        {
            Parent = "budgets/b", Entries = { Line("scuole", "4", "4.02", "500.00"), Line("scuole-2", "4", "4.02", "250.50", titolo: 2), Line("sport", "6", "6.01", "70.00") },
        }, Call());
        return grpc;
    }

    [Fact]
    public async Task Funding_of_an_objective_reads_its_programmes_from_the_objectives_service()
    {
        var grpc = await FundedBudgetAsync("funding");

        var one = await grpc.GetObjectiveFundingAsync(new GetObjectiveFundingRequest { Budget = "budgets/b", Objective = DupObjectives.Schools.Name }, Call());

        var programme = Assert.Single(one.Programmes);
        Assert.Equal(("4.02", "4", 2), (programme.ProgrammeCode, programme.MissionCode, programme.ObjectiveCount));
        Assert.Equal(("Altri ordini di istruzione non universitaria", "Istruzione e diritto allo studio"), (programme.ProgrammeName, programme.MissionName));
        Assert.Equal("750.50", Assert.Single(programme.Amounts).Appropriation);
    }

    [Fact]
    public async Task Funding_of_a_plan_names_unfunded_objectives_and_programmes_without_objective_over_rest()
    {
        await FundedBudgetAsync("funding-plan");

        var plan = await Rest("funding-plan").GetJsonAsync("/v1/budgets/b:objectiveFunding?plan=plans/dup", Cancellation);

        Assert.Equal([DupObjectives.Culture.Name], plan.GetProperty("unfundedObjectives").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["6.01"], plan.GetProperty("programmesWithoutObjective").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Funding_of_an_unknown_plan_is_invalid()
    {
        var grpc = await FundedBudgetAsync("funding-unknown-plan");

        await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.GetObjectiveFundingAsync(
            new GetObjectiveFundingRequest { Budget = "budgets/b", Plan = "plans/none" }, Call()).ResponseAsync);
    }
}
