using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.Objectives.Client;
using Platform.ServiceDefaults.Security;

namespace Platform.Indicators.Definitions;

/// <summary>
/// Anonymous callers read what belongs to a published plan: a scorecard of the plan, and an indicator (its
/// definition, periods and time series) when it measures an objective of a published plan. A request about
/// several indicators is public only when every one of them is.
/// </summary>
public sealed class PublishedIndicatorPolicy(ObjectivesPublicationPolicy plans, IndicatorStore indicators) : IPublicReadPolicy
{
    public bool Covers(IMessage request) => PublicReads.PlanIdOf(request) is not null || IndicatorIdsOf(request).Count > 0;

    public async Task<bool> AllowsAsync(IMessage request, RequestIdentity who, CancellationToken cancellationToken)
    {
        if (PublicReads.PlanIdOf(request) is not null) return await plans.AllowsAsync(request, who, cancellationToken);
        var ids = IndicatorIdsOf(request);
        var links = await indicators.ObjectiveLinksAsync(who, ids, cancellationToken);
        var published = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var isPublic = false;
            foreach (var planId in links[id].Select(o => PlanName.Owning(o)?.PlanId).OfType<string>().Distinct())
            {
                if (!published.TryGetValue(planId, out var known))
                    published[planId] = known = await plans.IsPublishedAsync(planId, cancellationToken);
                if (isPublic = known) break;
            }
            if (!isPublic) return false;
        }
        return true;
    }

    /// <summary>The indicator ids a request names in <c>name</c>, <c>parent</c> or <c>names</c> (<c>indicators/{id}[/...]</c>).</summary>
    private static IReadOnlyList<string> IndicatorIdsOf(IMessage request)
    {
        var ids = new List<string>();
        foreach (var field in request.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType != FieldType.String || field.Name is not ("name" or "parent" or "names")) continue;
            var values = field.IsRepeated ? ((IEnumerable<string>)field.Accessor.GetValue(request)) : [(string)field.Accessor.GetValue(request)];
            foreach (var value in values)
                if (IndicatorName.Owning(value) is { } indicator) ids.Add(indicator.IndicatorId);
        }
        return ids.Distinct(StringComparer.Ordinal).ToList();
    }
}
