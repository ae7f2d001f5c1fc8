using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;

namespace Platform.Indicators.Quality;

/// <summary>
/// What the source printed beside a period, kept for checks: the achievement ("Raggiungimento") and the breach
/// flag of a threshold indicator ("SI"/"NO"), as the period stores them. Null when nothing was printed.
/// </summary>
public sealed record PrintedValues(decimal? Achievement, bool? Breach)
{
    public static PrintedValues None { get; } = new(null, null);
}

/// <summary>One indicator linked to the plan, with its periods in time order.</summary>
public sealed record IndicatorData(IndicatorRow Indicator, Indicator Card, IReadOnlyList<PeriodRow> Periods)
{
    /// <summary>What the source printed beside each period (by period key), for the periods that store any.</summary>
    public IReadOnlyDictionary<string, PrintedValues> Printed { get; init; } = new Dictionary<string, PrintedValues>();

    public PrintedValues PrintedFor(PeriodRow period) => Printed.GetValueOrDefault(period.PeriodKey, PrintedValues.None);
}

/// <summary>What the indicator rules read: the plan (its years and objectives) and the indicators linked to it.</summary>
public sealed record PlanIndicators(Objectives.V1.PlanTree Tree, IReadOnlyList<IndicatorData> Indicators)
{
    public string PlanName => Tree.Plan.Name;

    public IReadOnlySet<string> ObjectiveNames { get; } = Tree.Objectives().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The plan's years, e.g. 2023-2025.</summary>
    public IEnumerable<int> Years => Tree.Plan.EndYear >= Tree.Plan.StartYear && Tree.Plan.StartYear > 0
        ? Enumerable.Range(Tree.Plan.StartYear, Tree.Plan.EndYear - Tree.Plan.StartYear + 1)
        : [];
}
