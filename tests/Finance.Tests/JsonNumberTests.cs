namespace Finance.Tests;

/// <summary>Money is an exact decimal string; a JSON number for it is taken as its exact text (issue 9, defect 15).</summary>
public sealed class JsonNumberTests(ServiceFactory<FinanceGrpcService> factory)
    : FinanceTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{

    private async Task<HttpClient> BudgetAsync(string tenant)
    {
        var rest = Rest(tenant);
        await (await rest.PostJsonAsync("/v1/budgets?budget_id=bilancio-2024",
            """{"title":"Bilancio","firstYear":2024,"lastYear":2026,"stages":[{"year":2024,"stage":"PREVISIONE"}]}""", Cancellation)).ReadJsonAsync(Cancellation);
        return rest;
    }

    private static string Line(string appropriation) =>
        $$$"""{"entries":[{"lineId":"s-1","line":{"kind":"SPENDING","missionCode":"1","programmeCode":"1.01","titolo":1,"amounts":[{"year":2024,"stage":"PREVISIONE","appropriation":{{{appropriation}}}}]}}]}""";

    [Theory]
    [InlineData("1234.56", "1234.56")]
    [InlineData("0.10", "0.10")]
    [InlineData("12345678901234567.89", "12345678901234567.89")]
    public async Task A_json_number_in_a_money_field_keeps_every_digit(string number, string stored)
    {
        var rest = await BudgetAsync($"json-number-{stored.Length}-{number.GetHashCode() & 0xffff}");

        var json = await (await rest.PostJsonAsync("/v1/budgets/bilancio-2024/lines:batchUpsert", Line(number), Cancellation)).ReadJsonAsync(Cancellation);

        Assert.Equal(stored, json.GetProperty("lines")[0].GetProperty("amounts")[0].GetProperty("appropriation").GetString());
    }

    [Fact]
    public async Task A_json_object_in_a_money_field_names_the_field()
    {
        var rest = await BudgetAsync("json-object-money");

        var response = await rest.PostJsonAsync("/v1/budgets/bilancio-2024/lines:batchUpsert", Line("""{"euro":1}"""), Cancellation);

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(["entries[0].line.amounts[0].appropriation"], error.Fields);
    }
}
