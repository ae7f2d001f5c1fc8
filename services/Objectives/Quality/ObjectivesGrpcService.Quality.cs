using Google.Protobuf.WellKnownTypes;
using Platform.Objectives.Objectives;
using Platform.Objectives.Quality;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Security;

namespace Platform.Objectives;

/// <summary>The data-quality RPCs of the Objectives service (rules in <c>Quality/</c>).</summary>
public sealed partial class ObjectivesGrpcService
{
    [Access(AccessLevel.Read)]
    public override async Task<ValidationReport> ValidatePlan(ValidatePlanRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Name).PlanId;
        var plan = await plans.GetRowAsync(Who, planId, context.CancellationToken);
        var tree = PlanTrees.Build(plan, await objectives.AllAsync(Who, planId, context.CancellationToken));
        return await quality.RunAsync(Who, plan.ResourceName, ObjectiveRules.All, new PlanData(tree), context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override Task<ListQualityRulesResponse> ListQualityRules(ListQualityRulesRequest request, ServerCallContext context) =>
        quality.ListAsync(Who, request, context.CancellationToken);

    [Access(AccessLevel.Admin)]
    public override Task<QualityRule> UpdateQualityRule(UpdateQualityRuleRequest request, ServerCallContext context) =>
        quality.UpdateAsync(Who, request, context.CancellationToken);

    [Access(AccessLevel.Write)]
    public override Task<Silence> SilenceFinding(SilenceFindingRequest request, ServerCallContext context) =>
        quality.SilenceAsync(Who, request, PlanExistsAsync, context.CancellationToken);

    [Access(AccessLevel.Write)]
    public override Task<Empty> UnsilenceFinding(UnsilenceFindingRequest request, ServerCallContext context) =>
        quality.UnsilenceAsync(Who, request, context.CancellationToken);

    /// <summary>A silenced resource lies in a plan of the caller's ente (NOT_FOUND otherwise).</summary>
    private Task PlanExistsAsync(string resource, CancellationToken ct) =>
        plans.GetAsync(Who, ResourceNames.Parse<PlanName>(string.Join('/', resource.Split('/').Take(2)), "resource").PlanId, ct);
}
