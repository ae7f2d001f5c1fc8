using Platform.ServiceDefaults;

namespace Platform.Objectives.Client;

/// <summary>
/// Reads objectives from the Objectives service for the services that link to them (Indicators, Finance).
/// The client is resolved on first use, so a process without <c>Services:objectives</c> still serves
/// everything that does not need it.
/// </summary>
public sealed class ObjectivesLookup(IServiceProvider services, PlanTreeCache basicTrees)
{
    private ObjectivesService.ObjectivesServiceClient Client => services.GetRequiredService<ObjectivesService.ObjectivesServiceClient>();

    /// <summary>The objective, or null when the Objectives service says it does not exist.</summary>
    public async Task<Objective?> FindObjectiveAsync(string name, CancellationToken ct)
    {
        try
        {
            return await Client.GetObjectiveAsync(new GetObjectiveRequest { Name = name }, cancellationToken: ct);
        }
        catch (RpcException ex) when (IsUnknownPlan(ex))
        {
            return null;
        }
    }

    /// <summary>The FULL tree (every objective's whole card), or null when the plan does not exist.</summary>
    public async Task<PlanTree?> FindPlanTreeAsync(string plan, CancellationToken ct)
    {
        try
        {
            return await Client.GetPlanTreeAsync(new GetPlanTreeRequest { Name = plan }, cancellationToken: ct);
        }
        catch (RpcException ex) when (IsUnknownPlan(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// The BASIC tree (names, codes, parents, levels, titles) as the caller may read it: revalidated with
    /// Objectives on every call, under the caller's credentials, and taken from <see cref="PlanTreeCache"/>
    /// when unchanged. Objectives' errors (NOT_FOUND, PERMISSION_DENIED...) reach the caller as they are.
    /// The tree is shared: read it, never change it.
    /// </summary>
    public async Task<PlanTree> GetBasicTreeAsync(string plan, CancellationToken ct)
    {
        var tenantId = services.GetRequiredService<IRequestContext>().Current.TenantId;
        var held = basicTrees.Held(tenantId, plan);
        var answer = await Client.GetPlanTreeAsync(
            new GetPlanTreeRequest { Name = plan, View = PlanTreeView.Basic, IfNoneMatch = held?.Etag ?? "" }, cancellationToken: ct);
        return basicTrees.Resolve(tenantId, plan, held, answer);
    }

    /// <summary>The BASIC tree, or null when the plan does not exist.</summary>
    public async Task<PlanTree?> FindBasicTreeAsync(string plan, CancellationToken ct)
    {
        try
        {
            return await GetBasicTreeAsync(plan, ct);
        }
        catch (RpcException ex) when (IsUnknownPlan(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// The names among <paramref name="names"/> that are not objectives the Objectives service knows: one
    /// BASIC plan tree per plan named, however many objectives are linked.
    /// </summary>
    public async Task<IReadOnlySet<string>> MissingAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in names.Distinct().GroupBy(PlanOf))
        {
            var tree = plan.Key is null ? null : await FindBasicTreeAsync(plan.Key, ct);
            var known = tree is null ? [] : tree.Objectives().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            missing.UnionWith(plan.Where(name => !known.Contains(name)));
        }
        return missing;
    }

    private static bool IsUnknownPlan(RpcException ex) => ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument;

    /// <summary><c>plans/{plan}</c> of an objective name, or null when the name has another shape.</summary>
    private static string? PlanOf(string objectiveName) =>
        ObjectiveName.TryParse(objectiveName, out var objective) ? objective.Plan.ToString() : null;
}
