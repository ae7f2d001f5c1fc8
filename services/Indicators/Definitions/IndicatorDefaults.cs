using static Platform.Indicators.V1.Indicator.Types;

namespace Platform.Indicators.Definitions;

/// <summary>What an indicator's unset (<c>*_UNSPECIFIED</c>) enums mean: the one place that says so.</summary>
public static class IndicatorDefaults
{
    public static Polarity Of(Polarity polarity) => polarity == Polarity.Unspecified ? Polarity.HigherIsBetter : polarity;

    public static AchievementMethod Of(AchievementMethod method) =>
        method == AchievementMethod.Unspecified ? AchievementMethod.DupPercent : method;

    public static Aggregation Of(Aggregation aggregation) => aggregation == Aggregation.Unspecified ? Aggregation.Last : aggregation;
}
