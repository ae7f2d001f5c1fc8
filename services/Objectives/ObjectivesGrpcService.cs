using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Objectives.Plans;
using Platform.Objectives.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;
using Platform.ServiceDefaults.Errors;

namespace Platform.Objectives;

/// <summary>gRPC (and transcoded REST) face of the Objectives service: validate, call the store, map.</summary>
public sealed class ObjectivesGrpcService(PlanStore plans, IRequestContext requestContext)
    : ObjectivesService.ObjectivesServiceBase
{
    [Access(AccessLevel.Write)]
    public override Task<Plan> CreatePlan(CreatePlanRequest request, ServerCallContext context)
    {
        PlanValidation.ValidateCreate(request);
        return plans.CreateAsync(requestContext.Current, request.PlanId, request.Plan, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<Plan> GetPlan(GetPlanRequest request, ServerCallContext context) =>
        plans.GetAsync(requestContext.Current, PlanNames.ParseId(request.Name), context.CancellationToken);

    [Access(AccessLevel.Read)]
    public override async Task<ListPlansResponse> ListPlans(ListPlansRequest request, ServerCallContext context)
    {
        var paging = PageRequest.Read(request.PageSize, request.PageToken, PlanStore.ListFingerprint);
        var page = await plans.ListAsync(requestContext.Current, paging, context.CancellationToken);
        return new ListPlansResponse { Plans = { page.Items }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Write)]
    public override Task<Plan> UpdatePlan(UpdatePlanRequest request, ServerCallContext context)
    {
        if (request.Plan is null) throw ApiErrors.InvalidArgument("plan", "is required");
        var planId = PlanNames.ParseId(request.Plan.Name, "plan.name");
        var validator = new RequestValidator();
        var paths = UpdateMasks.Resolve(request.UpdateMask, PlanValidation.UpdatableFields,
            path => IsPopulated(request.Plan, path), validator);
        validator.ThrowIfInvalid();
        return plans.UpdateAsync(requestContext.Current, planId, request.Plan, paths, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override async Task<Empty> DeletePlan(DeletePlanRequest request, ServerCallContext context)
    {
        await plans.DeleteAsync(requestContext.Current, PlanNames.ParseId(request.Name), request.Etag, context.CancellationToken);
        return new Empty();
    }

    private static bool IsPopulated(Plan plan, string path) => path switch
    {
        "title" => plan.Title.Length > 0,
        "kind" => plan.Kind != Plan.Types.Kind.Unspecified,
        "start_year" => plan.StartYear != 0,
        "end_year" => plan.EndYear != 0,
        "description" => plan.Description.Length > 0,
        _ => false,
    };
}
