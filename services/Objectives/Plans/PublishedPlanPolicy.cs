using Platform.ServiceDefaults.Security;

namespace Platform.Objectives.Plans;

/// <summary>Anonymous callers may read a plan, and everything under it, once the plan is published.</summary>
public sealed class PublishedPlanPolicy(PlanStore plans) : IPublicReadPolicy
{
    public async Task<bool> AllowsAsync(IMessage request, RequestIdentity who, CancellationToken cancellationToken)
    {
        if (PublicReads.PlanIdOf(request) is not { } planId) return false;
        try
        {
            return (await plans.GetRowAsync(who, planId, cancellationToken)).Published;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return false;
        }
    }
}
