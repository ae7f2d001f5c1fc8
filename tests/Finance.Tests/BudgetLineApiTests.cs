namespace Finance.Tests;

public sealed class BudgetLineApiTests(ServiceFactory<FinanceGrpcService> factory)
    : FinanceTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{
    private const string Parent = "budgets/bilancio-2024";

    private Task<FinanceService.FinanceServiceClient> NewBudgetAsync(string tenant) => NewBudgetAsync(tenant, "bilancio-2024", 2024, 2026, 2024, 2025);

    private static BudgetLineEntry Spending(string id, string mission, string programme, string amount, int year = 2024,
        Stage stage = Stage.Previsione, int titolo = 1, string macro = "") => new()
    {
        LineId = id,
        Line = new BudgetLine
        {
            Kind = BudgetLine.Types.Kind.Spending, MissionCode = mission, ProgrammeCode = programme, Titolo = titolo, Macroaggregato = macro,
            Amounts = { new LineAmount { Year = year, Stage = stage, Appropriation = amount } },
        },
    };

    private static BatchUpsertBudgetLinesRequest Batch(params BudgetLineEntry[] entries) =>
        new() { Parent = Parent, Entries = { entries } };

    /// <summary>Five spending lines: three of mission 12, one of 4.02 in 2024 and one of 4.02 in 2025.</summary>
    private async Task<FinanceService.FinanceServiceClient> FiveLinesAsync(string tenant)
    {
        var grpc = await NewBudgetAsync(tenant);
        await grpc.BatchUpsertBudgetLinesAsync(Batch(
            Spending("s-12-04-101", "12", "12.04", "100.10", macro: "101"),
            Spending("s-12-04-103", "12", "12.04", "200.20", macro: "103"),
            Spending("s-12-07-103", "12", "12.07", "0.05", macro: "103"),
            Spending("s-4-02-103", "4", "4.02", "1000.00", macro: "103"),
            Spending("s-4-02-2025", "4", "4.02", "999.99", year: 2025, macro: "104")), Call());
        return grpc;
    }

    [Fact]
    public async Task Lines_are_totalled_by_mission_and_programme_for_a_year_and_stage()
    {
        var grpc = await FiveLinesAsync("lines-totals");

        var summary = await grpc.SummarizeBudgetLinesAsync(new SummarizeBudgetLinesRequest
        {
            Parent = Parent, Kind = BudgetLine.Types.Kind.Spending, Year = 2024, Stage = Stage.Previsione, GroupBy = { "mission", "programme" },
        }, Call());

        Assert.Equal([("12", "12.04", "300.30", 2), ("12", "12.07", "0.05", 1), ("4", "4.02", "1000.00", 1)],
            summary.Totals.Select(t => (t.Keys[0], t.Keys[1], t.Appropriation, t.LineCount)));
        Assert.Equal("1300.35", summary.GrandTotal.Appropriation);
    }

    [Fact]
    public async Task Rest_lists_the_lines_of_a_programme()
    {
        await FiveLinesAsync("lines-filter");

        var listed = await Rest("lines-filter").GetJsonAsync($"/v1/{Parent}/lines?programmeCode=12.04", Cancellation);

        Assert.Equal(["budgets/bilancio-2024/lines/s-12-04-101", "budgets/bilancio-2024/lines/s-12-04-103"],
            listed.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Rest_summarizes_the_lines()
    {
        await FiveLinesAsync("lines-rest-summary");

        var byRest = await Rest("lines-rest-summary").GetJsonAsync(
            $"/v1/{Parent}/lines:summarize?kind=SPENDING&year=2024&stage=PREVISIONE&groupBy=mission", Cancellation);

        Assert.Equal("1300.35", byRest.GetProperty("grandTotal").GetProperty("appropriation").GetString());
    }

    public static TheoryData<BudgetLineEntry, string> BadLines => new()
    {
        { Spending("bad", "77", "", "1.00"), "entries[0].line.mission_code" },
        { Spending("bad", "12", "12.99", "1.00"), "entries[0].line.programme_code" },
        { Spending("bad", "4", "12.04", "1.00"), "entries[0].line.programme_code" },
        { Spending("bad", "12", "12.04", "1.001"), "entries[0].line.amounts[0].appropriation" },
        { Spending("bad", "12", "12.04", "12a.00"), "entries[0].line.amounts[0].appropriation" },
        { Spending("bad", "12", "12.04", "-5.00"), "entries[0].line.amounts[0].appropriation" },
        { Spending("bad", "12", "12.04", "1.00", stage: Stage.Rendiconto), "entries[0].line.amounts[0].stage" },
        { Spending("bad", "12", "12.04", "1.00", year: 2026), "entries[0].line.amounts[0].stage" },
        { Spending("bad", "12", "12.04", "1.00", titolo: 6), "entries[0].line.titolo" },
        { Spending("bad", "12", "12.04", "1.00", macro: "201"), "entries[0].line.macroaggregato" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task Bad_lines_are_field_violations_and_nothing_of_the_batch_is_written(BudgetLineEntry bad, string field)
    {
        var grpc = await NewBudgetAsync("bad-" + Guid.NewGuid().ToString("N")[..8]);
        var before = await grpc.GetBudgetAsync(new GetBudgetRequest { Name = Parent }, Call());

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => grpc.BatchUpsertBudgetLinesAsync(Batch(bad, Spending("good", "12", "12.07", "10.00")), Call()).ResponseAsync);

        Assert.Equal([field], status.ViolatedFields());
        Assert.Empty((await grpc.ListBudgetLinesAsync(new ListBudgetLinesRequest { Parent = Parent }, Call())).Lines);
        Assert.Equal(before.Etag, (await grpc.GetBudgetAsync(new GetBudgetRequest { Name = Parent }, Call())).Etag);
    }

    [Fact]
    public async Task Rest_reports_the_same_violations_as_grpc()
    {
        await NewBudgetAsync("lines-rest");
        var rest = Rest("lines-rest");

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await rest.PostJsonAsync($"/v1/{Parent}/lines:batchUpsert", """
            {"entries":[{"lineId":"x","line":{"kind":"SPENDING","titolo":1,"missionCode":"12","programmeCode":"4.02",
              "amounts":[{"year":2024,"stage":"PREVISIONE","appropriation":"10.999"}]}}]}
            """, Cancellation));

        Assert.Equal(["entries[0].line.programme_code", "entries[0].line.amounts[0].appropriation"], error.Fields);
        Assert.Empty((await rest.GetJsonAsync($"/v1/{Parent}/lines", Cancellation)).GetProperty("lines").EnumerateArray());
    }

    [Fact]
    public async Task Two_lines_with_the_same_classification_are_refused()
    {
        var grpc = await NewBudgetAsync("lines-duplicate");
        await grpc.BatchUpsertBudgetLinesAsync(Batch(Spending("first", "12", "12.04", "1.00")), Call());

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => grpc.BatchUpsertBudgetLinesAsync(Batch(Spending("second", "12", "12.04", "2.00")), Call()).ResponseAsync);

        Assert.Equal(["entries[0].line"], status.ViolatedFields());
    }

    [Fact]
    public async Task Concurrent_batches_never_leave_half_a_batch()
    {
        var grpc = await NewBudgetAsync("lines-concurrent");
        // Each batch replaces all lines with 30 lines carrying its own marker amount.
        var batches = Enumerable.Range(1, 8).Select(n => new BatchUpsertBudgetLinesRequest
        {
            Parent = Parent, ReplaceAll = true,
            Entries = { Enumerable.Range(1, 30).Select(k => Spending($"line-{k:00}", "12", $"12.0{k % 9 + 1}", $"{n}.00", macro: $"1{k:00}")) },
        }).ToList();

        var results = await Task.WhenAll(batches.Select(async b =>
        {
            try { await grpc.BatchUpsertBudgetLinesAsync(b, Call()); return true; }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Aborted) { return false; }
        }));

        Assert.Contains(true, results);
        var lines = (await grpc.ListBudgetLinesAsync(new ListBudgetLinesRequest { Parent = Parent, PageSize = 500 }, Call())).Lines;
        Assert.Equal(30, lines.Count);
        Assert.Single(lines.Select(l => l.Amounts.Single().Appropriation).Distinct());
    }

    /// <summary>A budget with one line of 2024 Previsione, written with the budget's etag.</summary>
    private async Task<(FinanceService.FinanceServiceClient Grpc, Budget Original, BatchUpsertBudgetLinesResponse Written)> OneLineAsync(string tenant)
    {
        var grpc = await NewBudgetAsync(tenant);
        var original = await grpc.GetBudgetAsync(new GetBudgetRequest { Name = Parent }, Call());
        var written = await grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest
        {
            Parent = Parent, Etag = original.Etag, Entries = { Spending("a", "12", "12.04", "1.00") },
        }, Call());
        return (grpc, original, written);
    }

    [Fact]
    public async Task A_batch_with_a_stale_etag_is_aborted()
    {
        var (grpc, original, written) = await OneLineAsync("lines-etag");

        Assert.NotEqual(original.Etag, written.Etag);
        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted, () => grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest
        {
            Parent = Parent, Etag = original.Etag, Entries = { Spending("b", "12", "12.07", "1.00") },
        }, Call()).ResponseAsync);
    }

    [Fact]
    public async Task A_stage_that_lines_use_cannot_be_removed()
    {
        var (grpc, _, _) = await OneLineAsync("lines-stage-in-use");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.UpdateBudgetAsync(new UpdateBudgetRequest
        {
            Budget = new Budget { Name = Parent, Stages = { new BudgetStage { Year = 2025, Stage = Stage.Previsione } } },
        }, Call()).ResponseAsync);

        Assert.Equal(["budget.stages"], status.ViolatedFields());
    }

    [Fact]
    public async Task A_stage_can_be_added_beside_those_in_use()
    {
        var (grpc, _, _) = await OneLineAsync("lines-stage-added");

        var updated = await grpc.UpdateBudgetAsync(new UpdateBudgetRequest
        {
            Budget = new Budget { Name = Parent, Stages = { new BudgetStage { Year = 2024, Stage = Stage.Previsione }, new BudgetStage { Year = 2024, Stage = Stage.Rendiconto } } },
        }, Call());

        Assert.Equal([(2024, Stage.Previsione), (2024, Stage.Rendiconto)], updated.Stages.Select(s => (s.Year, s.Stage)));
    }
}
