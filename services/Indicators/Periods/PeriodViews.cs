using Platform.Indicators.Achievement;
using Platform.Indicators.Definitions;
using static Platform.Indicators.V1.Indicator.Types;

namespace Platform.Indicators.Periods;

/// <summary>
/// The values of one period as the API shows them, achievement and status included; <see cref="AggregatedFrom"/>
/// is how a year's actual was aggregated, when it was.
/// </summary>
public sealed record PeriodValues(decimal? Target, decimal? TargetHigh, decimal? Actual, bool Aggregated, AchievementResult Result)
{
    public AggregatedActual? AggregatedFrom { get; init; }
}

/// <summary>A year's actual made of its half-years or quarters (<paramref name="Parts"/>, in time order).</summary>
public sealed record AggregatedActual(decimal Value, Aggregation How, IReadOnlyList<PeriodRow> Parts);

/// <summary>Turns stored periods into what clients see: year actuals aggregated from sub-periods, achievement.</summary>
public static class PeriodViews
{
    /// <summary>
    /// Values of <paramref name="row"/>; a year without its own actual takes the aggregate of its quarters (or,
    /// without measured quarters, its half-years) among <paramref name="periodsOfIndicator"/>.
    /// </summary>
    public static PeriodValues Values(IndicatorRow indicator, PeriodRow? row, int year, IReadOnlyList<PeriodRow> periodsOfIndicator)
    {
        var actual = row?.Actual;
        AggregatedActual? aggregated = null;
        if (actual is null && (row is null || row.Key.IsYear))
        {
            aggregated = AggregateParts(indicator, periodsOfIndicator.Where(p => p.Year == year).ToList());
            actual = aggregated?.Value;
        }
        var result = AchievementRules.Evaluate(indicator.Settings, row?.Target, row?.TargetHigh, actual);
        return new PeriodValues(row?.Target, row?.TargetHigh, actual, aggregated is not null, result) { AggregatedFrom = aggregated };
    }

    public static decimal? Aggregate(IndicatorRow indicator, IReadOnlyList<PeriodRow> periodsOfYear) =>
        AggregateParts(indicator, periodsOfYear)?.Value;

    private static AggregatedActual? AggregateParts(IndicatorRow indicator, IReadOnlyList<PeriodRow> periodsOfYear)
    {
        var measured = periodsOfYear.Where(p => !p.Key.IsYear && p.Actual is not null).ToList();
        var quarters = measured.Where(p => p.Key.Part == 'Q').ToList();
        var parts = (quarters.Count > 0 ? quarters : measured.Where(p => p.Key.Part == 'H').ToList())
            .OrderBy(p => p.SortKey).ToList();
        if (parts.Count == 0) return null;
        var how = IndicatorDefaults.Of(indicator.AggregationValue);
        var value = how switch
        {
            Aggregation.Sum => parts.Sum(p => p.Actual!.Value),
            Aggregation.Average => Decimals.RoundHalfUp(parts.Average(p => p.Actual!.Value), indicator.Decimals),
            _ => parts[^1].Actual!.Value,
        };
        return new AggregatedActual(value, how, parts);
    }

    public static Period ToProto(IndicatorRow indicator, PeriodRow row, IReadOnlyList<PeriodRow> periodsOfIndicator)
    {
        var values = Values(indicator, row, row.Year, periodsOfIndicator);
        var period = new Period
        {
            Name = row.ResourceName,
            Target = indicator.FormatValue(values.Target),
            TargetHigh = indicator.FormatValue(values.TargetHigh),
            Actual = indicator.FormatValue(values.Actual),
            Note = row.Note,
            EvidenceUri = row.EvidenceUri,
            Closed = row.Closed,
            Achievement = values.Result.Achievement is { } a ? Decimals.Format(a, AchievementRules.Places) : "",
            Status = values.Result.Status,
            ThresholdBreached = values.Result.ThresholdBreached,
            ActualComputed = row.ActualComputed,
            ActualAggregated = values.Aggregated,
            Year = row.Year,
            Etag = Etags.Format(row.Version),
            UpdateTime = row.UpdatedAt.ToTimestamp(),
            UpdateUser = row.UpdatedBy,
            Explanation = PeriodExplanations.Explain(indicator, row, values),
        };
        foreach (var (name, value) in row.VariableValues) period.Variables[name] = value;
        period.PrintedAchievement = row.PrintedAchievementText;
        if (row.PrintedBreach is { } breach) period.PrintedBreach = breach;
        return period;
    }
}
