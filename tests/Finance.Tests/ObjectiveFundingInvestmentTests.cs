namespace Finance.Tests;

/// <summary>An objective's funding lists the investments linked to it (issue 9, defect 10).</summary>
public sealed class ObjectiveFundingInvestmentTests(FinanceWithObjectives host) : FinanceTest(host), IClassFixture<FinanceWithObjectives>
{
    private const string Tenant = "funding-investments";


    private static Investment Pnrr(string title, string objective) => new()
    {
        Title = title, PnrrMeasure = "M4-C1-I3.3", TotalCost = "3024000.00", State = "PLANNED",
        Years = { new InvestmentYear { Year = 2024, PnrrContribution = "1605810.00", Cofinancing = "1008000.00" } },
        Objectives = { objective },
    };

    [Fact]
    public async Task Investments_linked_to_an_objective_appear_in_its_funding_over_grpc_and_rest()
    {
        var grpc = Grpc(Tenant);
        await grpc.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "b", Budget = new Budget { Title = "B", FirstYear = 2024, LastYear = 2024, Stages = { new BudgetStage { Year = 2024, Stage = Stage.Previsione } } },
        }, Call());
        await grpc.CreateInvestmentAsync(new CreateInvestmentRequest { InvestmentId = "anna-frank", Investment = Pnrr("Adeguamento sismico", DupObjectives.Schools.Name) }, Call());
        await grpc.CreateInvestmentAsync(new CreateInvestmentRequest { InvestmentId = "teatro", Investment = Pnrr("Teatro", DupObjectives.Culture.Name) }, Call());

        var one = await grpc.GetObjectiveFundingAsync(new GetObjectiveFundingRequest { Budget = "budgets/b", Objective = DupObjectives.Schools.Name }, Call());
        var linked = Assert.Single(one.Investments);
        Assert.Equal(("investments/anna-frank", "1605810.00"), (linked.Name, linked.Years[0].PnrrContribution));

        var plan = await Rest(Tenant).GetJsonAsync("/v1/budgets/b:objectiveFunding?plan=plans/dup", Cancellation);
        Assert.Equal(["investments/anna-frank", "investments/teatro"],
            plan.GetProperty("investments").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }
}
