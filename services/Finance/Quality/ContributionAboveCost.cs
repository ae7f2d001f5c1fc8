using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>
/// Contributions (PNRR and co-financing) above the project's cost, and the other side of a swap: a project
/// whose cost and contribution are the first one's the other way round (the DUP's Cavatigozzi/Cambonino).
/// </summary>
public sealed class ContributionAboveCost() : QualityRule<InvestmentData>("investment.contribution_above_cost", Severity.Error,
    "Contributo superiore al costo del progetto (e l'altro lato di uno scambio di importi)",
    "Contribution above the project's cost (and the other side of a swap)")
{
    public override IEnumerable<RuleHit> Check(InvestmentData data)
    {
        var money = data.Investments.Select(i => (Investment: i, Cost: MeasureMalformed.Amount(i.TotalCost),
            Funded: MeasureMalformed.Amount(i.TotalPnrrContribution) + MeasureMalformed.Amount(i.TotalCofinancing))).ToList();
        foreach (var (investment, cost, funded) in money.Where(m => m.Funded > m.Cost))
        {
            yield return new RuleHit(investment.Name, "total_pnrr_contribution",
                $"I contributi ({ItalianFormat.Money(funded)}) superano il costo del progetto ({ItalianFormat.Money(cost)}).",
                $"The contributions ({funded:0.00}) exceed the project's cost ({cost:0.00}).");
            foreach (var partner in money.Where(m => m.Investment != investment && m.Cost == funded && m.Funded == cost))
                yield return new RuleHit(partner.Investment.Name, "total_cost",
                    $"Costo e contributi sembrano scambiati con quelli di «{investment.Title}» ({investment.Name}): costo {ItalianFormat.Money(partner.Cost)}, contributi {ItalianFormat.Money(partner.Funded)}.",
                    $"Cost and contributions look swapped with those of {investment.Name}: cost {partner.Cost:0.00}, contributions {partner.Funded:0.00}.");
        }
    }
}
