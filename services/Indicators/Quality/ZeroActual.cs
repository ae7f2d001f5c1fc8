using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;
using static Platform.Indicators.V1.Indicator.Types;

namespace Platform.Indicators.Quality;

/// <summary>
/// An actual of exactly 0 on a measured (not done/not-done) indicator: the DUP prints 0 where it did not measure
/// (132 rows), so a 0 should be confirmed or cleared. A threshold indicator's 0 is judged against its threshold
/// (the deficit parameter P3 is 0 when no advance was closed only in the accounts).
/// </summary>
public sealed class ZeroActual() : QualityRule<PlanIndicators>("indicator.zero_actual", Severity.Info,
    "Valore rilevato pari a zero: forse significa «non misurato»", "Actual of zero that may mean 'not measured'")
{
    public override IEnumerable<RuleHit> Check(PlanIndicators plan) =>
        from data in plan.Indicators
        where data.Indicator.PolarityValue != Polarity.Binary && data.Indicator.ThresholdComparison.Length == 0
        from period in data.Periods
        where period.Actual == 0m
        select new RuleHit(period.ResourceName, "actual",
            $"Il valore rilevato {period.PeriodKey} è 0: se l'indicatore non è stato misurato lasciare vuoto il valore, altrimenti confermarlo.",
            $"The {period.PeriodKey} actual is 0: leave it empty if it was not measured, otherwise confirm it.");
}
