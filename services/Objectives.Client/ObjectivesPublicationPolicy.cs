using Google.Protobuf;

using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;

namespace Platform.Objectives.Client;

/// <summary>
/// For services that show what belongs to a plan (scorecards, funding): an anonymous read is allowed when
/// the Objectives service says the plan is published. Objectives answers an anonymous GetPlan only for
/// published plans of the ente the caller named, so this service never decides publication itself.
/// </summary>
public sealed class ObjectivesPublicationPolicy(ObjectivesService.ObjectivesServiceClient objectives) : IPublicReadPolicy
{
    public Task<bool> AllowsAsync(IMessage request, RequestIdentity who, CancellationToken cancellationToken) =>
        PublicReads.PlanIdOf(request) is { } planId ? IsPublishedAsync(planId, cancellationToken) : Task.FromResult(false);

    /// <summary>Whether the caller's ente has published <c>plans/{planId}</c>.</summary>
    public async Task<bool> IsPublishedAsync(string planId, CancellationToken cancellationToken)
    {
        try
        {
            var plan = await objectives.GetPlanAsync(new GetPlanRequest { Name = PlanName.Format(planId) }, cancellationToken: cancellationToken);
            return plan.Published;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.Unauthenticated)
        {
            return false;
        }
    }
}
