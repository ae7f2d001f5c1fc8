using Google.Protobuf;
using Grpc.Core;
using Platform.Objectives.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Indicators.Scorecards;

/// <summary>
/// Anonymous callers may read the scorecard of a published plan. The Objectives service decides what is
/// published: it answers an anonymous GetPlan only for published plans. Requests that name no plan
/// (indicator lists, time series) stay private.
/// </summary>
public sealed class PublishedPlanPolicy(ObjectivesService.ObjectivesServiceClient objectives) : IPublicReadPolicy
{
    public async Task<bool> AllowsAsync(IMessage request, RequestIdentity who, CancellationToken cancellationToken)
    {
        if (PublicReads.PlanIdOf(request) is not { } planId) return false;
        try
        {
            var plan = await objectives.GetPlanAsync(new GetPlanRequest { Name = $"plans/{planId}" }, cancellationToken: cancellationToken);
            return plan.Published;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.Unauthenticated)
        {
            return false;
        }
    }
}
