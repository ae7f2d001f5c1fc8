namespace Finance.Tests;

public sealed class BudgetApiTests : IClassFixture<ServiceFactory<FinanceGrpcService>>, IDisposable
{
    private readonly ServiceFactory<FinanceGrpcService> _factory;
    private readonly FinanceService.FinanceServiceClient _grpc;
    private readonly HttpClient _rest;

    public BudgetApiTests(ServiceFactory<FinanceGrpcService> factory)
    {
        _factory = factory;
        _grpc = new FinanceService.FinanceServiceClient(factory.CreateGrpcChannel());
        _rest = factory.CreateRestClient();
    }

    public void Dispose() => Assert.Empty(_factory.Problems);

    private static Budget Bilancio() => new() { Title = "Bilancio di previsione 2023-2025", FirstYear = 2023, LastYear = 2025 };

    [Fact]
    public async Task Created_budget_reads_back_over_grpc_and_rest()
    {
        var created = await _grpc.CreateBudgetAsync(new CreateBudgetRequest { BudgetId = "bilancio-2023-2025", Budget = Bilancio() });

        Assert.Equal("budgets/bilancio-2023-2025", created.Name);
        Assert.Equal(created, await _grpc.GetBudgetAsync(new GetBudgetRequest { Name = created.Name }));
        var json = await _rest.GetJsonAsync("/v1/budgets/bilancio-2023-2025");
        Assert.Equal(2023, json.GetProperty("firstYear").GetInt32());
        Assert.Equal(2025, json.GetProperty("lastYear").GetInt32());
    }

    [Fact]
    public async Task List_returns_the_tenants_budgets_in_pages()
    {
        var grpc = new FinanceService.FinanceServiceClient(_factory.CreateGrpcChannel("budget-paging"));
        foreach (var year in new[] { 2025, 2023, 2024 })
            await grpc.CreateBudgetAsync(new CreateBudgetRequest
            {
                BudgetId = $"bilancio-{year}",
                Budget = new Budget { Title = $"Bilancio {year}", FirstYear = year, LastYear = year + 2 },
            });

        var first = await grpc.ListBudgetsAsync(new ListBudgetsRequest { PageSize = 2 });
        var second = await grpc.ListBudgetsAsync(new ListBudgetsRequest { PageSize = 2, PageToken = first.NextPageToken });

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
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => _grpc.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "bad-years",
            Budget = new Budget { Title = "B", FirstYear = first, LastYear = last },
        }).ResponseAsync);

        Assert.Equal([field], status.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => _grpc.GetBudgetAsync(new GetBudgetRequest { Name = "budgets/bad-years" }).ResponseAsync);
    }

    [Fact]
    public async Task Rest_errors_carry_the_same_details()
    {
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await _rest.PostJsonAsync("/v1/budgets?budget_id=rest-bad", """{"title":"","firstYear":2023,"lastYear":2022}"""));
        Assert.Equal(["budget.title", "budget.last_year"], error.Fields);

        await _grpc.CreateBudgetAsync(new CreateBudgetRequest { BudgetId = "rest-dup", Budget = Bilancio() });
        var duplicate = await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict,
            await _rest.PostJsonAsync("/v1/budgets?budget_id=rest-dup", """{"title":"B","firstYear":2023,"lastYear":2025}"""));
        Assert.Equal("ALREADY_EXISTS", duplicate.Reason);
    }

    [Fact]
    public async Task Budgets_are_private_to_their_tenant()
    {
        await _grpc.CreateBudgetAsync(new CreateBudgetRequest { BudgetId = "private-budget", Budget = Bilancio() });
        var other = _factory.CreateRestClient("another-ente");

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await other.GetAsync("/v1/budgets/private-budget"));
        Assert.Empty((await other.GetJsonAsync("/v1/budgets")).GetProperty("budgets").EnumerateArray());
    }
}
