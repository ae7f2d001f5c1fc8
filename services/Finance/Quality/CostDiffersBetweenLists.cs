using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>The same project (same CUP) with different costs in two lists (the DUP's financing table and Regis list differ for 8).</summary>
public sealed class CostDiffersBetweenLists() : QualityRule<InvestmentData>("investment.cost_differs_between_lists", Severity.Warning,
    "Stesso progetto (stesso CUP) con costi diversi in due elenchi", "The same project (same CUP) with different costs in two lists")
{
    public override IEnumerable<RuleHit> Check(InvestmentData data)
    {
        foreach (var project in data.Investments.Where(i => i.Cup.Length > 0).GroupBy(i => i.Cup))
        {
            var costs = project.Select(i => MeasureMalformed.Amount(i.TotalCost)).Distinct().ToList();
            if (costs.Count < 2) continue;
            var listed = string.Join(", ", project.Select(i => $"{i.Name} {ItalianFormat.Money(MeasureMalformed.Amount(i.TotalCost))}"));
            foreach (var investment in project)
                yield return new RuleHit(investment.Name, "total_cost",
                    $"Il progetto con CUP {project.Key} ha costi diversi negli elenchi: {listed}.",
                    $"The project with CUP {project.Key} has different costs in the lists: {string.Join(", ", project.Select(i => $"{i.Name} {i.TotalCost}"))}.");
        }
    }
}
