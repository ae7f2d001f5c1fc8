using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Objectives.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Indicators.Tests;

/// <summary>
/// What a fake Objectives service serves per ente: a plan tree whose etag changes with each revision, the
/// tenants it refuses, and the revalidations it answered "not modified".
/// </summary>
public sealed class PlanRevisions
{
    private readonly Dictionary<(string Tenant, string Plan), (PlanTree Tree, string Etag)> _trees = [];

    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);

    public int NotModifiedAnswers;

    /// <summary>Serves <paramref name="plan"/> to <paramref name="tenant"/> from now on, under <paramref name="etag"/>.</summary>
    public void Serve(string tenant, FakePlan plan, string etag)
    {
        lock (_trees) _trees[(tenant, plan.PlanName)] = (plan.Tree, etag);
    }

    /// <summary>From now on the tenant's calls are NOT_FOUND, as for a reader who may not see the plan.</summary>
    public void Refuse(string tenant)
    {
        lock (_trees) _refused.Add(tenant);
    }

    public (PlanTree Tree, string Etag)? Find(string tenant, string plan)
    {
        lock (_trees) return _trees.TryGetValue((tenant, plan), out var held) && !_refused.Contains(tenant) ? held : null;
    }
}

/// <summary>GetPlanTree as Objectives answers it: per ente (from the forwarded token or public ente), with etag and not_modified.</summary>
public sealed class RevisedObjectivesService(PlanRevisions revisions) : ObjectivesService.ObjectivesServiceBase
{
    public override Task<PlanTree> GetPlanTree(GetPlanTreeRequest request, ServerCallContext context)
    {
        var found = revisions.Find(TenantOf(context), request.Name)
            ?? throw Platform.ServiceDefaults.Errors.ApiErrors.NotFound(request.Name);
        if (request.IfNoneMatch == found.Etag)
        {
            Interlocked.Increment(ref revisions.NotModifiedAnswers);
            return Task.FromResult(new PlanTree { Etag = found.Etag, NotModified = true });
        }
        var tree = found.Tree.Clone();
        tree.Etag = found.Etag;
        return Task.FromResult(tree);
    }

    /// <summary>The ente of the call: the <c>tenant</c> claim of the forwarded token, else the public ente header.</summary>
    private static string TenantOf(ServerCallContext context)
    {
        var authorization = context.RequestHeaders.GetValue("authorization") ?? "";
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
            return context.RequestHeaders.GetValue(ClaimsRequestContext.PublicEnteHeader) ?? "";
        var payload = authorization["Bearer ".Length..].Split('.')[1].Replace('-', '+').Replace('_', '/');
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));
        return JsonDocument.Parse(json).RootElement.GetProperty(PlatformTokens.TenantClaim).GetString() ?? "";
    }
}

/// <summary>The Indicators service in memory, calling a fake Objectives service that serves <see cref="Revisions"/>.</summary>
public sealed class RevisedObjectivesHost : ServiceFactory<IndicatorsGrpcService>
{
    public RevisedObjectivesHost() =>
        WithFakeUpstream<ObjectivesService.ObjectivesServiceClient, RevisedObjectivesService>("objectives", services => services.AddSingleton(Revisions));

    public PlanRevisions Revisions { get; } = new();
}
