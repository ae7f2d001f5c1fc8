using Platform.Finance.Budgets;
using Platform.Finance.Investments;
using Platform.Finance.Lines;
using Platform.Objectives.Client;

namespace Platform.Finance.Funding;

/// <summary>
/// The money behind a plan's objectives: the plan's tree from the Objectives service, the budget's lines and
/// the investments linked to the objectives, joined by <see cref="FundingCalculator"/>.
/// </summary>
public sealed class ObjectiveFundingReader(BudgetStore budgets, LineStore lines, InvestmentStore investments, ObjectivesLookup objectives)
{
    /// <summary>Funding of one objective, or of every objective of <paramref name="plan"/> when <paramref name="objective"/> is null.</summary>
    public async Task<ObjectiveFunding> ReadAsync(RequestIdentity who, string budgetId, PlanName plan, ObjectiveName? objective,
        CancellationToken ct)
    {
        var budget = await budgets.GetRowAsync(who, budgetId, ct);
        var tree = await objectives.FindPlanTreeAsync(plan.ToString(), ct)
            ?? throw ApiErrors.InvalidArgument(objective is null ? "plan" : "objective", $"{plan} does not exist in the Objectives service");
        var planObjectives = tree.Objectives().ToList();
        IReadOnlyList<Platform.Objectives.V1.Objective> targets = planObjectives;
        if (objective is { } wanted)
        {
            var name = wanted.ToString();
            targets = [planObjectives.FirstOrDefault(o => o.Name == name)
                ?? throw ApiErrors.InvalidArgument("objective", $"{name} does not exist in the Objectives service")];
        }
        var ledger = await lines.LedgerAsync(who, budgetId, ct);
        var funding = FundingCalculator.Compute(budget.ResourceName, ledger, planObjectives, targets);
        funding.Investments.AddRange(await investments.LinkedToAsync(who, targets.Select(o => o.Name).ToList(), ct));
        return funding;
    }
}
