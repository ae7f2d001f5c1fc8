using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>
/// Debt per inhabitant computed on the same population as the year before (the DUP divides every year by
/// 71,766, the residents at 31/12/2021): the per-capita figure is on a stale population.
/// </summary>
public sealed class StalePopulation() : QualityRule<BudgetData>("debt.stale_population", Severity.Info,
    "Debito per abitante calcolato su una popolazione non aggiornata", "Per-capita debt on a stale population")
{
    public override IEnumerable<RuleHit> Check(BudgetData budget)
    {
        var years = budget.DebtYears.OrderBy(y => y.Year).ToList();
        for (var i = 1; i < years.Count; i++)
        {
            var (year, before) = (years[i], years[i - 1]);
            if (year.Inhabitants <= 0 || year.Inhabitants != before.Inhabitants || year.Year != before.Year + 1) continue;
            yield return new RuleHit(budget.DebtName, $"years[{year.Year}].inhabitants",
                $"Il debito per abitante del {year.Year} usa gli stessi abitanti del {before.Year} ({ItalianFormat.Number(year.Inhabitants)}): aggiornare la popolazione.",
                $"The {year.Year} debt per inhabitant uses the same population as {before.Year} ({year.Inhabitants:N0}): update it.");
        }
    }
}
