using Platform.Objectives.V1;

namespace Finance.Tests;

/// <summary>An API test of the Finance service: <see cref="Grpc"/> and <c>Rest</c> as a tenant's user.</summary>
public abstract class FinanceTest(ServiceFactory<FinanceGrpcService> factory) : ApiTest<FinanceGrpcService>(factory)
{
    protected FinanceService.FinanceServiceClient Grpc(string tenant = "demo", params string[] roles) => new(Channel(tenant, roles));

    /// <summary>A draft budget <paramref name="budgetId"/> of <paramref name="tenant"/> declaring PREVISIONE for <paramref name="previsione"/>.</summary>
    protected async Task<FinanceService.FinanceServiceClient> NewBudgetAsync(string tenant, string budgetId, int firstYear, int lastYear,
        params int[] previsione)
    {
        var grpc = Grpc(tenant);
        await grpc.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = budgetId,
            Budget = new Budget
            {
                Title = $"Bilancio {firstYear}-{lastYear}", FirstYear = firstYear, LastYear = lastYear,
                Stages = { previsione.Select(year => new BudgetStage { Year = year, Stage = Stage.Previsione }) },
            },
        }, Call());
        return grpc;
    }
}

/// <summary>Three objectives of <c>plans/dup</c> with their budget codes: 4.1 with 12.6 under it, and 5.2.</summary>
public static class DupObjectives
{
    public static readonly Objective Schools = new() { Name = "plans/dup/objectives/4.1", Code = "4.1", ProgrammeCodes = { "4.02" }, MissionCodes = { "4" } };
    public static readonly Objective Housing = new() { Name = "plans/dup/objectives/12.6", Code = "12.6", ProgrammeCodes = { "12.06", "4.02" }, MissionCodes = { "12", "4" } };
    public static readonly Objective Culture = new() { Name = "plans/dup/objectives/5.2", Code = "5.2", ProgrammeCodes = { "5.02" }, MissionCodes = { "5" } };

    public static FakePlan Plan() => new(new PlanTree
    {
        Plan = new Plan { Name = "plans/dup" },
        Roots = { new PlanTreeNode { Objective = Schools, Children = { new PlanTreeNode { Objective = Housing } } }, new PlanTreeNode { Objective = Culture } },
        ObjectiveCount = 3,
    });
}

/// <summary>The Finance service in memory, calling a fake Objectives service that serves <see cref="DupObjectives"/>.</summary>
public sealed class FinanceWithObjectives : ServiceFactory<FinanceGrpcService>
{
    public FinanceWithObjectives() => this.WithFakeObjectives(DupObjectives.Plan());
}
