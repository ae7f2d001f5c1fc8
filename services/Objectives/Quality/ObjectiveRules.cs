using Platform.ServiceDefaults.Quality;

namespace Platform.Objectives.Quality;

/// <summary>The rules of a plan's report, in the order the catalogue lists them.</summary>
public static class ObjectiveRules
{
    public static IReadOnlyList<QualityRule<PlanData>> All { get; } =
    [
        new CodeNotExtendingParent(),
        new ProgrammeNotInParentMap(),
        new ProgrammeOutsideMission(),
        new PlaceholderBudgetCode(),
        new ProgrammeMissing(),
        new OwnerSpelledTwoWays(),
        new ObjectiveTextCutShort(),
    ];

    public static QualityCatalog Catalog() => new(All, "plans/");
}
