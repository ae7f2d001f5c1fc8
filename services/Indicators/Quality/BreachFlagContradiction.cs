using Platform.Indicators.Achievement;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Indicators.Quality;

/// <summary>
/// A threshold indicator whose printed breach flag contradicts its value (the DUP's P1 of 2020: 61.41% against
/// "> 48%", printed "NO").
/// </summary>
public sealed class BreachFlagContradiction() : QualityRule<PlanIndicators>("indicator.breach_flag_contradiction", Severity.Error,
    "Parametro a soglia il cui esito stampato contraddice il valore", "Threshold indicator whose printed flag contradicts its value")
{
    public override IEnumerable<RuleHit> Check(PlanIndicators plan)
    {
        foreach (var data in plan.Indicators.Where(d => d.Indicator.ThresholdValue is not null))
            foreach (var period in data.Periods)
            {
                if (data.PrintedFor(period).Breach is not { } printed || period.Actual is null) continue;
                var breached = AchievementRules.Evaluate(data.Indicator.Settings, period.Target, period.TargetHigh, period.Actual).ThresholdBreached;
                if (breached == printed) continue;
                var (value, limit) = (period.Actual.Value, data.Indicator.ThresholdValue!.Value);
                yield return new RuleHit(period.ResourceName, "printed_breach",
                    $"Il valore {ItalianFormat.Number(value)} {(breached ? "supera" : "rispetta")} la soglia {ItalianFormat.Number(limit)}, ma l'esito stampato è «{(printed ? "SI" : "NO")}».",
                    $"The value {value} {(breached ? "breaks" : "keeps")} the threshold {limit}, but the printed flag is '{(printed ? "YES" : "NO")}'.");
            }
    }
}
