using System.Text.Json;

namespace Finance.Tests;

/// <summary>
/// Citizens read an ente's approved budgets and, once it has one, its investments, naming the ente (gRPC and
/// REST); a draft budget does not exist for them, and another ente's never.
/// </summary>
public sealed class PublicFinanceTests(FinanceWithObjectives host) : FinanceTest(host), IClassFixture<FinanceWithObjectives>
{
    private FinanceService.FinanceServiceClient AnonymousGrpc => new(AnonymousChannel());

    private CallOptions Ente(string ente) => Call(new Metadata { { "x-platform-ente", ente } });

    /// <summary>An approved budget and a draft one of <paramref name="tenant"/>, declaring PREVISIONE 2024.</summary>
    private async Task ApprovedAndDraftAsync(string tenant)
    {
        var grpc = await NewBudgetAsync(tenant, "approvato", 2024, 2026, 2024);
        await grpc.ApproveBudgetAsync(new ApproveBudgetRequest { Name = "budgets/approvato" }, Call());
        await NewBudgetAsync(tenant, "bozza", 2024, 2026, 2024);
    }

    [Fact]
    public async Task Anonymous_grpc_reads_the_approved_budget_of_the_named_ente_and_never_a_draft_or_another_entes()
    {
        await ApprovedAndDraftAsync("comune-aperto-grpc");

        var budget = await AnonymousGrpc.GetBudgetAsync(new GetBudgetRequest { Name = "budgets/approvato" }, Ente("comune-aperto-grpc"));
        Assert.Equal(Budget.Types.State.Approved, budget.State);
        var balances = await AnonymousGrpc.GetBudgetBalancesAsync(
            new GetBudgetBalancesRequest { Name = "budgets/approvato", Year = 2024, Stage = Stage.Previsione }, Ente("comune-aperto-grpc"));
        Assert.True(balances.Balanced);
        var listed = await AnonymousGrpc.ListBudgetsAsync(new ListBudgetsRequest(), Ente("comune-aperto-grpc"));
        Assert.Equal(["budgets/approvato"], listed.Budgets.Select(b => b.Name));

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => AnonymousGrpc.GetBudgetAsync(
            new GetBudgetRequest { Name = "budgets/bozza" }, Ente("comune-aperto-grpc")).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => AnonymousGrpc.GetDebtScheduleAsync(
            new GetDebtScheduleRequest { Name = "budgets/bozza/debtSchedule" }, Ente("comune-aperto-grpc")).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => AnonymousGrpc.GetBudgetAsync(
            new GetBudgetRequest { Name = "budgets/approvato" }, Ente("altro-comune-grpc")).ResponseAsync);
        Assert.Empty((await AnonymousGrpc.ListBudgetsAsync(new ListBudgetsRequest(), Ente("altro-comune-grpc"))).Budgets);
    }

    [Fact]
    public async Task Anonymous_rest_reads_the_approved_budgets_lines_balances_debt_and_indices_and_not_a_draft()
    {
        await ApprovedAndDraftAsync("comune-aperto-rest");
        const string ente = "ente=comune-aperto-rest";

        var listed = await Anonymous().GetJsonAsync($"/v1/budgets?{ente}", Cancellation);
        Assert.Equal(["budgets/approvato"], listed.GetProperty("budgets").EnumerateArray().Select(b => b.GetProperty("name").GetString()));
        foreach (var path in new[] { "approvato", "approvato/lines", "approvato/lines:summarize?kind=SPENDING&year=2024&stage=PREVISIONE",
                     "approvato:balances?year=2024&stage=PREVISIONE", "approvato/debtSchedule", "approvato:indicators?year=2024&stage=PREVISIONE" })
            await Anonymous().GetJsonAsync($"/v1/budgets/{path}{(path.Contains('?') ? "&" : "?")}{ente}", Cancellation);

        foreach (var path in new[] { "bozza", "bozza/lines", "bozza:balances?year=2024&stage=PREVISIONE", "bozza/debtSchedule" })
            await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound,
                await Anonymous().GetAsync($"/v1/budgets/{path}{(path.Contains('?') ? "&" : "?")}{ente}", Cancellation));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Anonymous().GetAsync("/v1/budgets/approvato?ente=altro-comune-rest", Cancellation));
        // The audit trail stays for staff.
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Anonymous().GetAsync($"/v1/budgets/approvato/auditEvents?{ente}", Cancellation));
    }

    [Fact]
    public async Task Investments_are_public_once_the_ente_has_an_approved_budget_and_only_to_readers_of_that_ente()
    {
        const string tenant = "comune-cantieri";
        await Grpc(tenant).CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = "scuola", Investment = new Investment { Title = "Nuova scuola", TotalCost = "1000.00" },
        }, Call());
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Anonymous().GetAsync($"/v1/investments?ente={tenant}", Cancellation));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => AnonymousGrpc.GetInvestmentAsync(
            new GetInvestmentRequest { Name = "investments/scuola" }, Ente(tenant)).ResponseAsync);

        await ApprovedAndDraftAsync(tenant);

        var listed = await Anonymous().GetJsonAsync($"/v1/investments?ente={tenant}", Cancellation);
        Assert.Equal(["investments/scuola"], listed.GetProperty("investments").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        var summary = await AnonymousGrpc.SummarizeInvestmentsAsync(new SummarizeInvestmentsRequest(), Ente(tenant));
        Assert.Equal("1000.00", summary.GrandTotal.TotalCost);
        Assert.Equal("Nuova scuola", (await AnonymousGrpc.GetInvestmentAsync(new GetInvestmentRequest { Name = "investments/scuola" }, Ente(tenant))).Title);

        // Another ente with an approved budget of its own sees none of them.
        await ApprovedAndDraftAsync("comune-vicino");
        var elsewhere = await Anonymous().GetJsonAsync("/v1/investments?ente=comune-vicino", Cancellation);
        Assert.False(elsewhere.TryGetProperty("investments", out var none) && none.GetArrayLength() > 0);
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Anonymous().GetAsync("/v1/investments/scuola?ente=comune-vicino", Cancellation));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized,
            await Anonymous().PostJsonAsync($"/v1/investments?investment_id=x&ente={tenant}", """{"title":"x","totalCost":"1.00"}""", Cancellation));
    }
}
