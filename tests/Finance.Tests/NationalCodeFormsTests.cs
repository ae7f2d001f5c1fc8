namespace Finance.Tests;

/// <summary>
/// Budget lines take mission and programme codes as the national schemes print them (issue 9, defect 15), and
/// an amount grouped by thousands is refused saying so.
/// </summary>
public sealed class NationalCodeFormsTests(ServiceFactory<FinanceGrpcService> factory)
    : FinanceTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{
    private const string Parent = "budgets/b";

    private async Task<(FinanceService.FinanceServiceClient Grpc, HttpClient Http)> NewBudgetAsync(string tenant) =>
        (await NewBudgetAsync(tenant, "b", 2024, 2024, 2024), Rest(tenant));

    private static string Line(string id, string mission, string programme, string appropriation) => $$$"""
        {"lineId":"{{{id}}}","line":{"kind":"SPENDING","titolo":1,"missionCode":"{{{mission}}}","programmeCode":"{{{programme}}}",
          "amounts":[{"year":2024,"stage":"PREVISIONE","appropriation":"{{{appropriation}}}"}]}}
        """;

    [Fact]
    public async Task Zero_padded_codes_are_normalised_over_grpc()
    {
        var (grpc, _) = await NewBudgetAsync("line-code-forms");

        var response = await grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest
        {
            Parent = Parent,
            Entries = { new BudgetLineEntry { LineId = "rifiuti", Line = new BudgetLine
            {
                Kind = BudgetLine.Types.Kind.Spending, Titolo = 1, MissionCode = "09", ProgrammeCode = "09.03",
                Amounts = { new LineAmount { Year = 2024, Stage = Stage.Previsione, Appropriation = "10.00" } },
            } } },
        }, Call());

        Assert.Equal(("9", "9.03"), (response.Lines[0].MissionCode, response.Lines[0].ProgrammeCode));
    }

    [Fact]
    public async Task Zero_padded_codes_are_normalised_over_rest()
    {
        var (_, rest) = await NewBudgetAsync("line-code-forms-rest");

        var viaRest = await (await rest.PostJsonAsync($"/v1/{Parent}/lines:batchUpsert",
            $$"""{"entries":[{{Line("acqua", "09", "0904", "20.00")}}]}""", Cancellation)).ReadJsonAsync(Cancellation);

        Assert.Equal("9.04", viaRest.GetProperty("lines")[0].GetProperty("programmeCode").GetString());
    }

    [Fact]
    public async Task Wrong_codes_and_grouped_amounts_are_refused_saying_what_is_expected()
    {
        var (_, rest) = await NewBudgetAsync("line-code-errors");

        var response = await rest.PostJsonAsync($"/v1/{Parent}/lines:batchUpsert",
            $$"""{"entries":[{{Line("a", "9", "9.3", "10.00")}},{{Line("b", "9", "9.03", "1.234")}}]}""", Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, response);

        Assert.Equal(["entries[0].line.programme_code", "entries[1].line.amounts[0].appropriation"], error.Fields);
        Assert.Contains("such as 9.03", body);
        Assert.Contains("thousands", body);
    }
}
