using Platform.Indicators.Achievement;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Indicators.Quality;

/// <summary>
/// An imported "Raggiungimento" that contradicts the achievement the indicator's own rule gives from the
/// printed actual and target (the DUP's 8.7 of 2020, computed as higher-is-better).
/// </summary>
public sealed class PrintedAchievementMismatch() : QualityRule<PlanIndicators>("indicator.printed_achievement_mismatch", Severity.Warning,
    "Raggiungimento stampato diverso da quello che dà la regola dell'indicatore",
    "Printed achievement that contradicts the indicator's own rule")
{
    public override IEnumerable<RuleHit> Check(PlanIndicators plan)
    {
        foreach (var data in plan.Indicators)
            foreach (var period in data.Periods)
            {
                if (data.PrintedFor(period).Achievement is not { } printed || period.Actual is null) continue;
                var computed = AchievementRules.Evaluate(data.Indicator.Settings, period.Target, period.TargetHigh, period.Actual).Achievement;
                if (computed is null || Math.Abs(computed.Value - printed) < 0.01m) continue;
                yield return new RuleHit(period.ResourceName, "printed_achievement",
                    $"Il raggiungimento stampato {ItalianFormat.Number(printed)}% non è quello che dà la regola dell'indicatore ({ItalianFormat.Number(computed.Value)}%).",
                    $"The printed achievement {Decimals.Format(printed, 2)}% is not what the indicator's rule gives ({Decimals.Format(computed.Value, 2)}%).");
            }
    }
}
