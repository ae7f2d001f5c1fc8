using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;
using Platform.Objectives.Client;

namespace Platform.Indicators.Scorecards;

/// <summary>
/// Reads the plan's BASIC tree from the Objectives service (revalidated, held between calls) and the
/// indicators' periods from this service.
/// </summary>
public sealed class ScorecardService(ObjectivesLookup objectives, IndicatorStore indicators, PeriodStore periods)
{
    public async Task<IReadOnlyList<Scorecard>> BuildAsync(RequestIdentity who, string planId, int startYear, int endYear,
        string objectiveCode, CancellationToken ct)
    {
        var planName = PlanName.Format(planId);
        var tree = await objectives.GetBasicTreeAsync(planName, ct);
        IEnumerable<PlanTreeNode> roots = tree.Roots;
        if (objectiveCode.Length > 0)
        {
            var node = tree.FindByCode(objectiveCode)
                ?? throw ApiErrors.NotFound(ObjectiveName.Format(planId, objectiveCode));
            roots = [node];
        }

        var linked = await indicators.ListForPlanAsync(who, planName, ct);
        var rows = await periods.ListRowsAsync(who, linked.Select(i => i.IndicatorId).ToList(), startYear, endYear, ct);
        var byIndicator = rows.GroupBy(r => r.IndicatorId).ToDictionary(g => g.Key, g => (IReadOnlyList<PeriodRow>)g.ToList());

        var scorecards = new List<Scorecard>();
        for (var year = startYear; year <= endYear; year++)
        {
            var byObjective = new Dictionary<string, List<IndicatorYear>>(StringComparer.Ordinal);
            foreach (var indicator in linked)
            {
                var own = byIndicator.GetValueOrDefault(indicator.IndicatorId, []);
                var yearRow = own.FirstOrDefault(p => p.Year == year && p.Key.IsYear);
                var values = PeriodViews.Values(indicator, yearRow, year, own);
                foreach (var objective in indicator.Objectives)
                {
                    if (!byObjective.TryGetValue(objective, out var list)) byObjective[objective] = list = [];
                    list.Add(new IndicatorYear(indicator, values));
                }
            }
            var readOnly = byObjective.ToDictionary(e => e.Key, e => (IReadOnlyList<IndicatorYear>)e.Value
                .OrderBy(i => i.Indicator.IndicatorId, StringComparer.Ordinal).ToList());
            scorecards.Add(ScorecardBuilder.Build(planName, year, roots, readOnly));
        }
        return scorecards;
    }
}
