using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Indicators.Quality;

/// <summary>
/// An indicator of the plan without a target for one of the plan's years (the DUP's targets stop at 2024). An
/// indicator read against a threshold (the deficit parameters), and a context or financial indicator without
/// any target (the 1.2.1 financial indices), has no target to miss.
/// </summary>
public sealed class TargetMissing() : QualityRule<PlanIndicators>("indicator.target_missing", Severity.Warning,
    "Indicatore senza valore atteso per un anno del piano", "Indicator without a target for a plan year")
{
    public override IEnumerable<RuleHit> Check(PlanIndicators plan) =>
        from data in plan.Indicators
        where HasTargets(data)
        from year in plan.Years
        where !data.Periods.Any(p => p.Year == year && p.Target is not null)
        select new RuleHit(Periods.PeriodKey.FormatName(data.Indicator.IndicatorId, year.ToString()), "target",
            $"L'indicatore «{data.Indicator.Title}» non ha un valore atteso per il {year}, anno del piano.",
            $"Indicator '{data.Indicator.Title}' has no target for {year}, a year of the plan.");

    private static bool HasTargets(IndicatorData data) =>
        data.Indicator.ThresholdComparison.Length == 0
        && (data.Periods.Any(p => p.Target is not null) || data.Indicator.Kind is not (nameof(Indicator.Types.Kind.Context) or nameof(Indicator.Types.Kind.Financial)));
}
