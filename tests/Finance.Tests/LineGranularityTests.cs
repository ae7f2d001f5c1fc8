using Google.Rpc;

namespace Finance.Tests;

/// <summary>
/// A spending titolo loaded both as one titolo-level line and by programme would be counted twice (issue 9,
/// defect 9: spending_title_1 105M = 93M + 12M); such a batch is refused, naming the line it collides with.
/// </summary>
public sealed class LineGranularityTests(ServiceFactory<FinanceGrpcService> factory)
    : FinanceTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{
    private const string Parent = "budgets/bilancio-2024";

    private Task<FinanceService.FinanceServiceClient> NewBudgetAsync(string tenant) => NewBudgetAsync(tenant, "bilancio-2024", 2024, 2025, 2024, 2025);

    private static BudgetLineEntry Spending(string id, string amount, string mission = "", string programme = "", int titolo = 1,
        int year = 2024) => new()
    {
        LineId = id,
        Line = new BudgetLine
        {
            Kind = BudgetLine.Types.Kind.Spending, Titolo = titolo, MissionCode = mission, ProgrammeCode = programme,
            Amounts = { new LineAmount { Year = year, Stage = Stage.Previsione, Appropriation = amount } },
        },
    };

    [Fact]
    public async Task Titolo_and_programme_lines_of_one_titolo_in_a_batch_are_refused_over_grpc()
    {
        var grpc = await NewBudgetAsync("granularity-grpc");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.BatchUpsertBudgetLinesAsync(
            new BatchUpsertBudgetLinesRequest
            {
                Parent = Parent,
                Entries = { Spending("spending-title-1", "93000000.00"), Spending("s-1-01", "12000000.00", "1", "1.01") },
            }, Call()).ResponseAsync);

        var violation = status.GetDetail<BadRequest>()!.FieldViolations.Single(v => v.Field == "entries[1].line");
        Assert.Contains("'spending-title-1'", violation.Description);
        Assert.Contains("counted twice", violation.Description);
        Assert.Empty((await grpc.ListBudgetLinesAsync(new ListBudgetLinesRequest { Parent = Parent }, Call())).Lines);
    }

    [Fact]
    public async Task A_programme_line_under_a_stored_titolo_line_is_refused_over_rest()
    {
        var grpc = await NewBudgetAsync("granularity-rest");
        await grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest { Parent = Parent, Entries = { Spending("spending-title-1", "93000000.00") } }, Call());
        var rest = Rest("granularity-rest");

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await rest.PostJsonAsync($"/v1/{Parent}/lines:batchUpsert", """
            {"entries":[{"lineId":"s-1-01","line":{"kind":"SPENDING","titolo":1,"missionCode":"1","programmeCode":"1.01",
              "amounts":[{"year":2024,"stage":"PREVISIONE","appropriation":"12000000.00"}]}}]}
            """, Cancellation));

        Assert.Equal(["entries[0].line"], error.Fields);
        Assert.Single((await grpc.ListBudgetLinesAsync(new ListBudgetLinesRequest { Parent = Parent }, Call())).Lines);
    }

    [Fact]
    public async Task Levels_may_differ_between_titoli_years_and_missions()
    {
        var grpc = await NewBudgetAsync("granularity-allowed");

        var response = await grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest
        {
            Parent = Parent,
            Entries =
            {
                Spending("spending-title-2", "5000000.00", titolo: 2),
                Spending("s-1-01", "12000000.00", "1", "1.01"),
                Spending("m-4", "7000000.00", "4"),
                Spending("spending-title-1-2025", "93000000.00", year: 2025),
            },
        }, Call());

        Assert.Equal(4, response.Lines.Count);
    }
}
