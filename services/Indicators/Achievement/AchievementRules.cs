using Platform.Indicators.Definitions;
using static Platform.Indicators.V1.Indicator.Types;

namespace Platform.Indicators.Achievement;

/// <summary>What achievement needs to know about an indicator.</summary>
public sealed record AchievementSettings(
    Polarity Polarity,
    AchievementMethod Method,
    decimal? Baseline,
    decimal AchievedFrom,
    decimal PartiallyAchievedFrom,
    Threshold.Types.Comparison ThresholdComparison = Threshold.Types.Comparison.Unspecified,
    decimal? ThresholdValue = null)
{
    public static AchievementSettings Default { get; } =
        new(Polarity.HigherIsBetter, AchievementMethod.DupPercent, null, 100m, 80m);
}

/// <summary>The result for one period: achievement % (null when it cannot be computed), status, breach.</summary>
public sealed record AchievementResult(decimal? Achievement, Status Status, bool ThresholdBreached);

/// <summary>
/// Achievement percentages and statuses. The default method reproduces the DUP's "Raggiungimento":
/// higher-is-better: 0 when actual &lt;= 0, else min(100, round_half_up(actual / target * 100, 2));
/// lower-is-better: 100 when actual &lt;= target, else round_half_up(target / actual * 100, 2);
/// binary: 100 when done (actual &gt; 0), else 0.
/// </summary>
public static class AchievementRules
{
    public const int Places = 2;

    /// <summary>Why a target cannot be used with these settings, or null when it can.</summary>
    public static string? TargetProblem(AchievementSettings settings, decimal? target, decimal? targetHigh)
    {
        if (target is null) return null;
        var method = IndicatorDefaults.Of(settings.Method);
        var polarity = IndicatorDefaults.Of(settings.Polarity);
        if (polarity == Polarity.Binary) return null;
        if (method == AchievementMethod.LinearFromBaseline)
        {
            if (settings.Baseline is null) return "needs a baseline for linear achievement from baseline";
            return target == settings.Baseline ? "must differ from the baseline for linear achievement from baseline" : null;
        }
        if (target == 0m) return "must not be 0 when achievement is a percentage of the target";
        if (polarity == Polarity.TargetRange && targetHigh is not null && targetHigh < target)
            return "must not be above target_high";
        return null;
    }

    public static AchievementResult Evaluate(AchievementSettings settings, decimal? target, decimal? targetHigh, decimal? actual)
    {
        var breached = actual is not null && settings.ThresholdValue is { } limit && settings.ThresholdComparison switch
        {
            Threshold.Types.Comparison.GreaterThan => actual > limit,
            Threshold.Types.Comparison.GreaterOrEqual => actual >= limit,
            Threshold.Types.Comparison.LessThan => actual < limit,
            Threshold.Types.Comparison.LessOrEqual => actual <= limit,
            _ => false,
        };
        if (actual is null) return new AchievementResult(null, Status.NotMeasured, false);
        var achievement = Percent(settings, target, targetHigh, actual.Value);
        if (achievement is null) return new AchievementResult(null, Status.NoTarget, breached);
        var status = achievement >= settings.AchievedFrom ? Status.Achieved
            : achievement >= settings.PartiallyAchievedFrom ? Status.PartiallyAchieved
            : Status.NotAchieved;
        return new AchievementResult(achievement, status, breached);
    }

    /// <summary>Achievement % rounded half-up to 2 places, or null without a usable target.</summary>
    public static decimal? Percent(AchievementSettings settings, decimal? target, decimal? targetHigh, decimal actual)
    {
        var polarity = IndicatorDefaults.Of(settings.Polarity);
        if (polarity == Polarity.Binary) return actual > 0m ? 100m : 0m;
        if (target is null || TargetProblem(settings, target, targetHigh) is not null) return null;
        var t = target.Value;
        var method = IndicatorDefaults.Of(settings.Method);
        if (method == AchievementMethod.LinearFromBaseline)
        {
            var progress = (actual - settings.Baseline!.Value) / (t - settings.Baseline.Value) * 100m;
            return Decimals.RoundHalfUp(Math.Clamp(progress, 0m, 100m), Places);
        }
        var capped = method == AchievementMethod.DupPercent;
        switch (polarity)
        {
            case Polarity.LowerIsBetter:
                if (actual <= 0m || (capped && actual <= t)) return 100m;
                return Cap(Decimals.RoundHalfUp(t / actual * 100m, Places), capped);
            case Polarity.TargetRange:
                var high = targetHigh ?? t;
                if (actual >= t && actual <= high) return 100m;
                if (actual > high) return Cap(Decimals.RoundHalfUp(high / actual * 100m, Places), capped);
                return actual <= 0m ? 0m : Decimals.RoundHalfUp(actual / t * 100m, Places);
            default:
                if (actual <= 0m && capped) return 0m;
                return Cap(Decimals.RoundHalfUp(actual / t * 100m, Places), capped);
        }
    }

    private static decimal Cap(decimal value, bool capped) => capped ? Math.Min(100m, value) : value;
}
