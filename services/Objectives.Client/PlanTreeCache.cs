using Microsoft.Extensions.Caching.Memory;

namespace Platform.Objectives.Client;

/// <summary>
/// BASIC plan trees held in this process per (tenant, plan), with the etag Objectives gave them. Holding one
/// never skips the call to Objectives: every use revalidates with the caller's own credentials
/// (<see cref="ObjectivesLookup.GetBasicTreeAsync"/>), so Objectives still decides who may read the plan, and
/// answers "not modified" without building the tree when nothing changed. Bounded to <see cref="Capacity"/>
/// trees; the trees handed out are shared between callers and must not be changed.
/// </summary>
public sealed class PlanTreeCache : IDisposable
{
    public const int Capacity = 256;

    private readonly MemoryCache trees = new(new MemoryCacheOptions { SizeLimit = Capacity });

    private readonly record struct Key(string TenantId, string Plan);

    /// <summary>The tree held for the tenant's plan, or null.</summary>
    public PlanTree? Held(string tenantId, string plan) =>
        trees.TryGetValue(new Key(tenantId, plan), out PlanTree? tree) ? tree : null;

    /// <summary>
    /// The tree to use after Objectives answered <paramref name="answer"/> to a request that sent the etag of
    /// <paramref name="held"/> (when there was one): the held tree when it is still current, otherwise the new
    /// tree, which is then held in its place.
    /// </summary>
    public PlanTree Resolve(string tenantId, string plan, PlanTree? held, PlanTree answer)
    {
        if (answer.NotModified)
            return held is not null && held.Etag == answer.Etag
                ? held
                : throw new InvalidOperationException($"Objectives said {plan} is not modified, but no tree with etag {answer.Etag} is held");
        if (answer.Etag.Length > 0)
            trees.Set(new Key(tenantId, plan), answer, new MemoryCacheEntryOptions { Size = 1 });
        return answer;
    }

    /// <summary>Trees held now (at most <see cref="Capacity"/>).</summary>
    public int Count => trees.Count;

    public void Dispose() => trees.Dispose();
}
