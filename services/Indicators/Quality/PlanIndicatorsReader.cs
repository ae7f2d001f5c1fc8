using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;
using Platform.Objectives.Client;

namespace Platform.Indicators.Quality;

/// <summary>Reads what the indicator rules check: the plan's tree from the Objectives service, its indicators and their periods.</summary>
public sealed class PlanIndicatorsReader(IndicatorStore indicators, ObjectivesLookup objectives)
{
    public async Task<PlanIndicators> ReadAsync(RequestIdentity who, string plan, CancellationToken ct)
    {
        var tree = await objectives.FindBasicTreeAsync(plan, ct) ?? throw ApiErrors.NotFound(plan);
        var (rows, periods) = await indicators.ListForPlanAsync(who, plan, 0, 0, ct);
        var periodsOf = periods.ToLookup(p => p.IndicatorId);
        var data = rows.OrderBy(r => r.IndicatorId, StringComparer.Ordinal)
            .Select(r => Data(r, periodsOf[r.IndicatorId].ToList())).ToList();
        return new PlanIndicators(tree, data);
    }

    /// <summary>An indicator with its periods and what the source printed beside them (the periods' stored printed values).</summary>
    public static IndicatorData Data(IndicatorRow indicator, IReadOnlyList<PeriodRow> periods) =>
        new(indicator, indicator.ToProto(), periods)
        {
            Printed = periods.Where(p => p.PrintedAchievement is not null || p.PrintedBreach is not null)
                .ToDictionary(p => p.PeriodKey, p => new PrintedValues(p.PrintedAchievement, p.PrintedBreach), StringComparer.Ordinal),
        };
}
