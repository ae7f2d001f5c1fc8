using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;

namespace Platform.Indicators.Imports;

/// <summary>
/// The indicators of a plan as rows of <see cref="IndicatorColumns.Schema"/>: the definition on an indicator's
/// first row, one row per period (stored values: a computed actual is written as its variables, the
/// "Raggiungimento" is what the source printed, not the computed achievement), so the file imports back to the
/// same indicators and periods. Links to objectives of other plans are not written.
/// </summary>
public static class IndicatorExport
{
    public static IEnumerable<IReadOnlyList<object?>> Rows(string planId, IReadOnlyList<IndicatorRow> indicators, IReadOnlyList<PeriodRow> periods)
    {
        var byIndicator = periods.ToLookup(p => p.IndicatorId);
        foreach (var indicator in indicators.OrderBy(i => i.IndicatorId, StringComparer.Ordinal))
        {
            var own = byIndicator[indicator.IndicatorId].OrderBy(p => p.SortKey).ToList();
            var definition = Definition(planId, indicator);
            if (own.Count == 0) yield return [indicator.IndicatorId, .. definition, .. new object?[PeriodWidth]];
            for (var i = 0; i < own.Count; i++)
                yield return [indicator.IndicatorId, .. i == 0 ? definition : new object?[definition.Length], .. Period(own[i])];
        }
    }

    private static readonly int PeriodWidth = IndicatorColumns.Schema.Columns.Count - 1 - IndicatorColumns.Definition.Count;

    private static object?[] Definition(string planId, IndicatorRow row)
    {
        var proto = row.ToProto();
        var prefix = PlanName.Format(planId) + "/objectives/";
        return
        [
            Text(string.Join("; ", row.Objectives.Where(o => o.StartsWith(prefix, StringComparison.Ordinal)).Select(o => o[prefix.Length..]))),
            Text(row.Title), Text(row.Description), Text(row.Unit),
            proto.Kind == Indicator.Types.Kind.Unspecified ? null : IndicatorColumns.Kinds.Label(proto.Kind),
            IndicatorColumns.Polarities.Label(row.PolarityValue),
            Text(row.Formula), Text(string.Join("; ", row.VariableList)),
            row.BaselineValue, row.BaselineYear == 0 ? null : (long)row.BaselineYear,
            IndicatorColumns.Methods.Label(row.MethodValue), (long)row.Decimals,
            row.AchievedFrom, row.PartiallyAchievedFrom, row.Weight,
            IndicatorColumns.Aggregations.Label(row.AggregationValue),
            row.ThresholdComparison.Length == 0 ? null : IndicatorColumns.Comparisons.Label(row.ThresholdComparisonValue),
            row.ThresholdComparison.Length == 0 ? null : row.ThresholdValue,
            Text(proto.Notes), Text(row.DataSource), Text(row.Owner),
        ];
    }

    private static object?[] Period(PeriodRow row) =>
    [
        row.PeriodKey, row.Target, row.TargetHigh, row.ActualComputed ? null : row.Actual,
        row.ActualComputed ? string.Join("; ", row.VariableValues.Select(v => $"{v.Key}={v.Value}")) : null,
        Text(row.Note), Text(row.EvidenceUri), row.PrintedAchievement,
        row.PrintedBreach is { } breach ? IndicatorColumns.Flags.Label(breach ? IndicatorColumns.Flag.Yes : IndicatorColumns.Flag.No) : null,
    ];

    private static string? Text(string value) => value.Length == 0 ? null : value;
}
