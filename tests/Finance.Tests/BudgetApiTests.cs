namespace Finance.Tests;

public sealed class BudgetApiTests(ServiceFactory<FinanceGrpcService> factory)
    : FinanceTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{
    private static Budget Bilancio() => new() { Title = "Bilancio di previsione 2023-2025", FirstYear = 2023, LastYear = 2025 };

    private Task<Budget> CreateAsync(string id, Budget? budget = null, string tenant = "demo") =>
        Grpc(tenant).CreateBudgetAsync(new CreateBudgetRequest { BudgetId = id, Budget = budget ?? Bilancio() }, Call()).ResponseAsync;

    [Fact]
    public async Task Created_budget_reads_back_over_grpc_and_rest()
    {
        var created = await CreateAsync("bilancio-2023-2025");

        Assert.Equal("budgets/bilancio-2023-2025", created.Name);
        Assert.Equal(created, await Grpc().GetBudgetAsync(new GetBudgetRequest { Name = created.Name }, Call()));
        var json = await Rest().GetJsonAsync("/v1/budgets/bilancio-2023-2025", Cancellation);
        Assert.Equal(2023, json.GetProperty("firstYear").GetInt32());
        Assert.Equal(2025, json.GetProperty("lastYear").GetInt32());
    }

    [Fact]
    public async Task List_returns_the_tenants_budgets_in_pages()
    {
        const string tenant = "budget-paging";
        foreach (var year in new[] { 2025, 2023, 2024 })
            await CreateAsync($"bilancio-{year}", new Budget { Title = $"Bilancio {year}", FirstYear = year, LastYear = year + 2 }, tenant);

        var first = await Grpc(tenant).ListBudgetsAsync(new ListBudgetsRequest { PageSize = 2 }, Call());
        var second = await Grpc(tenant).ListBudgetsAsync(new ListBudgetsRequest { PageSize = 2, PageToken = first.NextPageToken }, Call());

        Assert.Equal(["budgets/bilancio-2023", "budgets/bilancio-2024", "budgets/bilancio-2025"],
            first.Budgets.Concat(second.Budgets).Select(b => b.Name));
        Assert.Equal("", second.NextPageToken);
    }

    [Theory]
    [InlineData(2026, 2025, "budget.last_year")]
    [InlineData(2023, 2040, "budget.last_year")]
    [InlineData(1899, 1901, "budget.first_year")]
    public async Task Invalid_years_are_refused_and_nothing_is_written(int first, int last, string field)
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => CreateAsync("bad-years", new Budget { Title = "B", FirstYear = first, LastYear = last }));

        Assert.Equal([field], status.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => Grpc().GetBudgetAsync(new GetBudgetRequest { Name = "budgets/bad-years" }, Call()).ResponseAsync);
    }

    [Fact]
    public async Task Rest_refusal_names_every_field()
    {
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await Rest().PostJsonAsync("/v1/budgets?budget_id=rest-bad", """{"title":"","firstYear":2023,"lastYear":2022}""", Cancellation));

        Assert.Equal(["budget.title", "budget.last_year"], error.Fields);
    }

    [Fact]
    public async Task Rest_duplicate_is_409_already_exists()
    {
        await CreateAsync("rest-dup");

        var duplicate = await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict,
            await Rest().PostJsonAsync("/v1/budgets?budget_id=rest-dup", """{"title":"B","firstYear":2023,"lastYear":2025}""", Cancellation));

        Assert.Equal("ALREADY_EXISTS", duplicate.Reason);
    }

    [Fact]
    public async Task Budgets_are_private_to_their_tenant()
    {
        await CreateAsync("private-budget");
        var other = Rest("another-ente");

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await other.GetAsync("/v1/budgets/private-budget", Cancellation));
        Assert.Empty((await other.GetJsonAsync("/v1/budgets", Cancellation)).GetProperty("budgets").EnumerateArray());
    }
}
