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

/// <summary>
/// The result for one period: achievement % (null when it cannot be computed), status, breach, and the
/// calculation that gave the achievement (null when not measured).
/// </summary>
public sealed record AchievementResult(decimal? Achievement, Status Status, bool ThresholdBreached)
{
    public AchievementCalculation? Calculation { get; init; }
}

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
        var calculation = Calculate(settings, target, targetHigh, actual.Value);
        if (calculation.Achievement is not { } achievement)
            return new AchievementResult(null, Status.NoTarget, breached) { Calculation = calculation };
        var status = achievement >= settings.AchievedFrom ? Status.Achieved
            : achievement >= settings.PartiallyAchievedFrom ? Status.PartiallyAchieved
            : Status.NotAchieved;
        return new AchievementResult(achievement, status, breached) { Calculation = calculation };
    }

    /// <summary>Achievement % rounded half-up to 2 places, or null without a usable target.</summary>
    public static decimal? Percent(AchievementSettings settings, decimal? target, decimal? targetHigh, decimal actual) =>
        Calculate(settings, target, targetHigh, actual).Achievement;

    /// <summary>
    /// The achievement with the case of the rule that gave it, written with its numbers (the one place the rule
    /// is: <see cref="Percent"/> and the explanations read it from here).
    /// </summary>
    public static AchievementCalculation Calculate(AchievementSettings settings, decimal? target, decimal? targetHigh, decimal actual)
    {
        var polarity = IndicatorDefaults.Of(settings.Polarity);
        if (polarity == Polarity.Binary) return Case(actual > 0m ? 100m : 0m, "if({0} > 0, 100, 0)", actual);
        if (target is null) return AchievementCalculation.Missing(null);
        if (TargetProblem(settings, target, targetHigh) is { } problem) return AchievementCalculation.Missing(problem);
        var t = target.Value;
        var method = IndicatorDefaults.Of(settings.Method);
        if (method == AchievementMethod.LinearFromBaseline)
        {
            var baseline = settings.Baseline!.Value;
            var progress = (actual - baseline) / (t - baseline) * 100m;
            return Case(Decimals.RoundHalfUp(Math.Clamp(progress, 0m, 100m), Places),
                "max(0, min(100, ({0} - {2}) / ({1} - {2}) * 100))", actual, t, baseline);
        }
        var capped = method == AchievementMethod.DupPercent;
        switch (polarity)
        {
            case Polarity.LowerIsBetter:
                if (actual <= 0m) return Condition(100m, "{0} <= 0", actual);
                if (capped && actual <= t) return Condition(100m, "{0} <= {1}", actual, t);
                return Case(Cap(Decimals.RoundHalfUp(t / actual * 100m, Places), capped),
                    capped ? "min(100, {1} / {0} * 100)" : "{1} / {0} * 100", actual, t);
            case Polarity.TargetRange:
                var high = targetHigh ?? t;
                if (actual >= t && actual <= high) return Condition(100m, "{1} <= {0} <= {2}", actual, t, high);
                if (actual > high)
                    return Case(Cap(Decimals.RoundHalfUp(high / actual * 100m, Places), capped),
                        capped ? "min(100, {2} / {0} * 100)" : "{2} / {0} * 100", actual, t, high);
                if (actual <= 0m) return Condition(0m, "{0} <= 0", actual);
                return Case(Decimals.RoundHalfUp(actual / t * 100m, Places), "{0} / {1} * 100", actual, t);
            default:
                if (actual <= 0m && capped) return Condition(0m, "{0} <= 0", actual);
                return Case(Cap(Decimals.RoundHalfUp(actual / t * 100m, Places), capped),
                    capped ? "min(100, {0} / {1} * 100)" : "{0} / {1} * 100", actual, t);
        }
    }

    private static AchievementCalculation Case(decimal achievement, string template, decimal actual, decimal? target = null, decimal? other = null) =>
        new(achievement, new AchievementExpression(template, IsCondition: false, actual, target, other), null);

    private static AchievementCalculation Condition(decimal achievement, string template, decimal actual, decimal? target = null, decimal? other = null) =>
        new(achievement, new AchievementExpression(template, IsCondition: true, actual, target, other), null);

    private static decimal Cap(decimal value, bool capped) => capped ? Math.Min(100m, value) : value;
}
