using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>
/// The same project with different costs in two lists: an investment whose other lists print another cost than
/// its own (the DUP's financing table against its Regis list, 8 projects), or two investments with the same CUP
/// and different costs.
/// </summary>
public sealed class CostDiffersBetweenLists() : QualityRule<InvestmentData>("investment.cost_differs_between_lists", Severity.Warning,
    "Stesso progetto con costi diversi in due elenchi", "The same project with different costs in two lists")
{
    public override IEnumerable<RuleHit> Check(InvestmentData data)
    {
        foreach (var investment in data.Investments)
        {
            var cost = MeasureMalformed.Amount(investment.TotalCost);
            for (var j = 0; j < investment.Listings.Count; j++)
            {
                var listing = investment.Listings[j];
                var listed = MeasureMalformed.Amount(listing.TotalCost);
                if (listed == cost) continue;
                yield return new RuleHit(investment.Name, $"listings[{j}].total_cost",
                    $"L'elenco «{listing.List}» indica un costo di {ItalianFormat.Money(listed)}, l'investimento {ItalianFormat.Money(cost)}.",
                    $"The list '{listing.List}' gives a cost of {listed}, the investment {cost}.");
            }
        }
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
