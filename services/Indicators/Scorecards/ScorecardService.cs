using Platform.Indicators.Definitions;
using Platform.Indicators.Periods;
using Platform.Indicators.Versions;
using Platform.Objectives.Client;

namespace Platform.Indicators.Scorecards;

/// <summary>
/// Reads the plan's BASIC tree from the Objectives service (revalidated, held between calls) and the
/// indicators with their periods from this service (one round trip). Built scorecards are reused while the
/// tree's etag and the ente's data version are unchanged (<see cref="ScorecardCache"/>): then a call reads the
/// version and nothing else, and computes nothing.
/// </summary>
public sealed class ScorecardService(ObjectivesLookup objectives, IndicatorStore indicators, Database database, ScorecardCache cache)
{
    public async Task<IReadOnlyList<Scorecard>> BuildAsync(RequestIdentity who, string planId, int startYear, int endYear,
        string objectiveCode, CancellationToken ct)
    {
        var planName = PlanName.Format(planId);
        var tree = await objectives.GetBasicTreeAsync(planName, ct);
        // The version is read before the data: a write committed in between only makes what is held newer than its stamp.
        var stamp = new ScorecardCache.Stamp(tree.Etag, await DataVersions.ReadAsync(database, who.TenantId, ct));
        var key = new ScorecardCache.Key(who.TenantId, planName, startYear, endYear, objectiveCode);
        if (tree.Etag.Length > 0 && cache.Find(key, stamp) is { } held) return held;

        IEnumerable<PlanTreeNode> roots = tree.Roots;
        if (objectiveCode.Length > 0)
        {
            var node = tree.FindByCode(objectiveCode)
                ?? throw ApiErrors.NotFound(ObjectiveName.Format(planId, objectiveCode));
            roots = [node];
        }
        var built = await BuildAsync(who, planName, startYear, endYear, roots, ct);
        if (tree.Etag.Length > 0) cache.Hold(key, stamp, built);
        return built;
    }

    private async Task<IReadOnlyList<Scorecard>> BuildAsync(RequestIdentity who, string planName, int startYear, int endYear,
        IEnumerable<PlanTreeNode> roots, CancellationToken ct)
    {
        var (linked, rows) = await indicators.ListForPlanAsync(who, planName, startYear, endYear, ct);
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
