using Platform.ServiceDefaults.Quality;

namespace Platform.Indicators.Quality;

/// <summary>The rules of the indicators' report of a plan.</summary>
public static class IndicatorRules
{
    public static IReadOnlyList<QualityRule<PlanIndicators>> All { get; } =
    [
        new TargetMissing(),
        new ObjectiveUnknown(),
        new ZeroActual(),
        new FormulaMismatch(),
        new PrintedAchievementMismatch(),
        new BreachFlagContradiction(),
        new IndicatorTextCutShort(),
    ];

    public static QualityCatalog Catalog() => new(All, "indicators/");
}
