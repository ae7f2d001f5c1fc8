using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Platform.Launcher.Demo;
using Platform.Objectives.V1;

namespace Finance.Tests;

/// <summary>An Objectives service in memory with canned objectives of one plan.</summary>
public sealed class FakeObjectives : ObjectivesService.ObjectivesServiceBase
{
    public static readonly Objective Schools = new() { Name = "plans/dup/objectives/4.1", Code = "4.1", ProgrammeCodes = { "4.02" }, MissionCodes = { "4" } };
    public static readonly Objective Housing = new() { Name = "plans/dup/objectives/12.6", Code = "12.6", ProgrammeCodes = { "12.06", "4.02" }, MissionCodes = { "12", "4" } };
    public static readonly Objective Culture = new() { Name = "plans/dup/objectives/5.2", Code = "5.2", ProgrammeCodes = { "5.02" }, MissionCodes = { "5" } };

    public override Task<Objective> GetObjective(GetObjectiveRequest request, ServerCallContext context) =>
        new[] { Schools, Housing, Culture }.FirstOrDefault(o => o.Name == request.Name) is { } found
            ? Task.FromResult(found)
            : throw new RpcException(new Status(StatusCode.NotFound, request.Name + " not found"));

    public override Task<PlanTree> GetPlanTree(GetPlanTreeRequest request, ServerCallContext context) =>
        request.Name == "plans/dup"
            ? Task.FromResult(new PlanTree
            {
                Plan = new Plan { Name = "plans/dup" },
                Roots = { new PlanTreeNode { Objective = Schools, Children = { new PlanTreeNode { Objective = Housing } } }, new PlanTreeNode { Objective = Culture } },
                ObjectiveCount = 3,
            })
            : throw new RpcException(new Status(StatusCode.NotFound, request.Name + " not found"));
}

public sealed class FinanceWithObjectives : IAsyncLifetime
{
    private WebApplication? _objectives;
    public ServiceFactory<FinanceGrpcService> Finance { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        _objectives = builder.Build();
        _objectives.MapGrpcService<FakeObjectives>();
        await _objectives.StartAsync();
        var server = _objectives.GetTestServer();
        Finance.WithUpstream<ObjectivesService.ObjectivesServiceClient>("objectives", () => server.CreateHandler());
    }

    public async Task DisposeAsync()
    {
        Finance.Dispose();
        if (_objectives is not null) await _objectives.DisposeAsync();
    }
}

public sealed class InvestmentApiTests : IClassFixture<FinanceWithObjectives>, IDisposable
{
    private static readonly string Data = CremonaFinanceTables.FindDataDirectory();
    private readonly ServiceFactory<FinanceGrpcService> _factory;

    public InvestmentApiTests(FinanceWithObjectives fixture) => _factory = fixture.Finance;

    public void Dispose() => Assert.Empty(_factory.Problems);

    private FinanceService.FinanceServiceClient Grpc(string tenant) => new(_factory.CreateGrpcChannel(tenant));

    [Fact]
    public async Task Strict_import_refuses_the_three_14_character_cups_and_writes_nothing()
    {
        var grpc = Grpc("pnrr-strict");
        var request = CremonaFinanceTables.PnrrProjects(Data, lenient: false);

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.ImportInvestmentsAsync(request).ResponseAsync);

        var shortCups = request.Investments.Select((r, i) => (r, i)).Where(x => x.r.Investment.Cup.Length == 14).ToList();
        Assert.NotEmpty(shortCups);
        Assert.Equal(shortCups.Select(x => $"investments[{x.i}].investment.cup"), status.ViolatedFields());
        Assert.Equal(["D13H2000010004", "D18E1800080006", "D18E1800090006"], shortCups.Select(x => x.r.Investment.Cup).Distinct().Order());
        Assert.Empty((await grpc.ListInvestmentsAsync(new ListInvestmentsRequest())).Investments);
    }

    [Fact]
    public async Task Lenient_import_flags_bad_cups_and_the_contribution_above_cost_and_totals_by_mission_match_the_table()
    {
        var grpc = Grpc("pnrr-lenient");
        var imported = await grpc.ImportInvestmentsAsync(CremonaFinanceTables.PnrrProjects(Data, lenient: true));

        Assert.Equal(41, imported.Investments.Count);
        Assert.All(imported.Investments.Where(i => i.Cup.Length == 14), i => Assert.Contains("CUP_LENGTH", i.Flags));
        var above = imported.Investments.Where(i => i.Flags.Contains("CONTRIBUTION_EXCEEDS_COST")).ToList();
        var cavatigozzi = Assert.Single(above);
        Assert.Contains("Cavatigozzi", cavatigozzi.Title);
        Assert.Equal(("70050.00", "99950.00"), (cavatigozzi.TotalCost, cavatigozzi.TotalPnrrContribution));

        var summary = await grpc.SummarizeInvestmentsAsync(new SummarizeInvestmentsRequest());
        // The TOTALI row of the financing table (DUP line 8589).
        Assert.Equal("55003388.54", summary.GrandTotal.TotalCost);
        Assert.Equal("45408629.76", summary.GrandTotal.PnrrContribution);
        Assert.Equal("3245908.57", summary.GrandTotal.Cofinancing);
        // Totals by mission summed independently from the shared table.
        var rows = CremonaFinanceTables.ReadCsv(Path.Combine(Data, "pnrr_projects.csv")).Where(r => r["source_table"] == "financing_table_2_1_6_1");
        static decimal D(string s) => s.Length == 0 ? 0 : decimal.Parse(s, CultureInfo.InvariantCulture);
        var expected = rows.GroupBy(r => r["mission"]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, Cost: g.Sum(r => D(r["amount_total_eur"])).ToString("F2", CultureInfo.InvariantCulture),
                Contribution: g.Sum(r => D(r["contrib_total_in_budget"])).ToString("F2", CultureInfo.InvariantCulture)));
        Assert.Equal(expected, summary.Missions.Select(m => (m.PnrrMission, m.TotalCost, m.PnrrContribution)));
        Assert.Contains(summary.Components, c => c.PnrrComponent == "M5C2");

        var rest = await _factory.CreateRestClient("pnrr-lenient").GetJsonAsync("/v1/investments?pnrrMission=M4&pageSize=100");
        Assert.All(rest.GetProperty("investments").EnumerateArray(), i => Assert.Equal("M4", i.GetProperty("pnrrMission").GetString()));

        // Paging in small pages returns every investment once, in id order, each with its yearly amounts.
        var paged = new List<Investment>();
        var token = "";
        do
        {
            var page = await grpc.ListInvestmentsAsync(new ListInvestmentsRequest { PageSize = 7, PageToken = token });
            paged.AddRange(page.Investments);
            token = page.NextPageToken;
        } while (token != "");
        Assert.Equal(summary.GrandTotal.Count, paged.Count);
        Assert.Equal(paged.Select(i => i.Name).Order(StringComparer.Ordinal), paged.Select(i => i.Name));
        Assert.Equal(summary.GrandTotal.PnrrContribution,
            paged.Sum(i => i.Years.Sum(y => decimal.Parse(y.PnrrContribution, CultureInfo.InvariantCulture))).ToString("F2", CultureInfo.InvariantCulture));
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
                Objectives = { FakeObjectives.Schools.Name },
            },
        });
        Assert.Equal((mission, component, investment), (created.PnrrMission, created.PnrrComponent, created.PnrrInvestment));
        Assert.Empty(created.Flags);
        Assert.Equal(created, await grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = "investments/anna-frank" }));
    }

    [Fact]
    public async Task Unknown_objective_bad_measure_and_bad_amounts_are_field_violations()
    {
        var grpc = Grpc("pnrr-bad");
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = "bad",
            Investment = new Investment { Title = "X", PnrrMeasure = "MSC2-INV. 2.3", TotalCost = "10.123", Cup = "D18I2100010000" },
        }).ResponseAsync);
        Assert.Equal(["investment.cup", "investment.pnrr_measure", "investment.total_cost"], status.ViolatedFields());

        var missing = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = "bad", Investment = new Investment { Title = "X", TotalCost = "10.00", Objectives = { "plans/dup/objectives/9.9" } },
        }).ResponseAsync);
        Assert.Equal(["investment.objectives[0]"], missing.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = "investments/bad" }).ResponseAsync);
    }

    [Fact]
    public async Task Funding_of_objectives_reads_programmes_from_the_objectives_service()
    {
        var grpc = Grpc("funding");
        await grpc.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "b", Budget = new Budget { Title = "B", FirstYear = 2024, LastYear = 2025, Stages = { new BudgetStage { Year = 2024, Stage = Stage.Previsione } } },
        });
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
        });

        var one = await grpc.GetObjectiveFundingAsync(new GetObjectiveFundingRequest { Budget = "budgets/b", Objective = FakeObjectives.Schools.Name });
        var programme = Assert.Single(one.Programmes);
        Assert.Equal(("4.02", "4", 2), (programme.ProgrammeCode, programme.MissionCode, programme.ObjectiveCount));
        Assert.Equal("750.50", Assert.Single(programme.Amounts).Appropriation);

        var plan = await _factory.CreateRestClient("funding").GetJsonAsync("/v1/budgets/b:objectiveFunding?plan=plans/dup");
        Assert.Equal([FakeObjectives.Culture.Name], plan.GetProperty("unfundedObjectives").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["6.01"], plan.GetProperty("programmesWithoutObjective").EnumerateArray().Select(e => e.GetString()));

        await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.GetObjectiveFundingAsync(
            new GetObjectiveFundingRequest { Budget = "budgets/b", Plan = "plans/none" }).ResponseAsync);
    }
}
