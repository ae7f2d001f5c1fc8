namespace Platform.Web.Api;

/// <summary>
/// The data-quality findings of one page view (scoped): the call sequence of docs/DATA_QUALITY.md for a plan,
/// each report asked once however many badges need it. Null when the caller may not read them.
/// </summary>
public sealed class QualityFindings(PlatformApi api)
{
    private readonly Dictionary<string, Task<ValidationReport?>> _reports = [];

    private Task<ValidationReport?> Once(string key, Func<Task<ValidationReport?>> call)
    {
        if (!_reports.TryGetValue(key, out var report)) _reports[key] = report = call();
        return report;
    }

    /// <summary>Every service's report for a plan: objectives, indicators, each budget, investments.</summary>
    public async Task<List<ServiceReport>?> ForPlanAsync(string ente, string plan)
    {
        var objectives = await Once("plan", () => api.ValidatePlanAsync(ente, plan));
        if (objectives is null) return null;
        var reports = new List<ServiceReport> { new("Obiettivi", objectives) };
        if (await Once("indicators", () => api.ValidatePlanIndicatorsAsync(ente, plan)) is { } indicators)
            reports.Add(new("Indicatori", indicators));
        foreach (var budget in (await api.ListBudgetsAsync(ente))?.Budgets ?? [])
            if (await Once("budget " + budget.Id, () => api.ValidateBudgetAsync(ente, budget.Id)) is { } report)
                reports.Add(new("Bilancio", report));
        if (await Once("investments", () => api.ValidateInvestmentsAsync(ente)) is { } investments)
            reports.Add(new("Investimenti", investments));
        return reports;
    }

    /// <summary>The findings, not silenced, on <paramref name="resource"/> or below it (an indicator's periods).</summary>
    public async Task<List<Finding>> OnAsync(string ente, string? plan, string resource)
    {
        var report = resource.StartsWith("investments/", StringComparison.Ordinal) ? await Once("investments", () => api.ValidateInvestmentsAsync(ente))
            : plan is null ? null
            : resource.StartsWith("indicators/", StringComparison.Ordinal) ? await Once("indicators", () => api.ValidatePlanIndicatorsAsync(ente, plan))
            : await Once("plan", () => api.ValidatePlanAsync(ente, plan));
        return (report?.Findings ?? []).Where(f => !f.Silenced && (f.Resource == resource || f.Resource.StartsWith(resource + "/", StringComparison.Ordinal))).ToList();
    }
}
