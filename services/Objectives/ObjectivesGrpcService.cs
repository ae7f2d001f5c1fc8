using Google.Api;
using Google.Protobuf.WellKnownTypes;
using Platform.Common.V1;
using Platform.Imports.V1;
using Platform.Objectives.Objectives;
using Platform.Objectives.Plans;
using Platform.Objectives.Reports;
using Platform.ServiceDefaults.Imports;
using Platform.ServiceDefaults.Quality;
using Platform.ServiceDefaults.Security;

namespace Platform.Objectives;

/// <summary>gRPC (and transcoded REST) face of the Objectives service: validate, call the store, map.</summary>
public sealed partial class ObjectivesGrpcService(PlanStore plans, ObjectiveStore objectives, ReportStore reports,
    VersionStore versions, AuditLog audit, FileImports imports, IRequestContext requestContext, QualityService quality)
    : ObjectivesService.ObjectivesServiceBase
{
    private RequestIdentity Who => requestContext.Current;

    // ---- plans ----

    [Access(AccessLevel.Write)]
    public override Task<Plan> CreatePlan(CreatePlanRequest request, ServerCallContext context)
    {
        PlanValidation.ValidateCreate(request);
        return plans.CreateAsync(Who, request.PlanId, request.Plan, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<Plan> GetPlan(GetPlanRequest request, ServerCallContext context) =>
        plans.GetAsync(Who, ResourceNames.Parse<PlanName>(request.Name).PlanId, context.CancellationToken);

    [Access(AccessLevel.Read, PublicListing = true)]
    public override async Task<ListPlansResponse> ListPlans(ListPlansRequest request, ServerCallContext context)
    {
        var paging = PageRequest.Read(request.PageSize, request.PageToken, PlanStore.ListFingerprint);
        var page = await plans.ListAsync(Who, paging, context.CancellationToken);
        return new ListPlansResponse { Plans = { page.Items }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Write)]
    public override Task<Plan> UpdatePlan(UpdatePlanRequest request, ServerCallContext context)
    {
        if (request.Plan is null) throw ApiErrors.InvalidArgument("plan", "is required");
        var planId = ResourceNames.Parse<PlanName>(request.Plan.Name, "plan.name").PlanId;
        var validator = new RequestValidator();
        var paths = UpdateMasks.Resolve(request.UpdateMask, PlanValidation.UpdatableFields,
            request.Plan, validator);
        validator.ThrowIfInvalid();
        return plans.UpdateAsync(Who, planId, request.Plan, paths, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override async Task<Empty> DeletePlan(DeletePlanRequest request, ServerCallContext context)
    {
        await plans.DeleteAsync(Who, ResourceNames.Parse<PlanName>(request.Name).PlanId, request.Etag, request.Force, context.CancellationToken);
        return new Empty();
    }

    [Access(AccessLevel.Admin)]
    public override Task<Plan> TransitionPlan(TransitionPlanRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Name).PlanId;
        if (request.State == Plan.Types.State.Unspecified || !System.Enum.IsDefined(request.State))
            throw ApiErrors.InvalidArgument("state", "is required: ADOPTED, APPROVED or ARCHIVED");
        return plans.TransitionAsync(Who, planId, request.State, request.Etag, context.CancellationToken);
    }

    [Access(AccessLevel.Admin)]
    public override Task<Plan> PublishPlan(PublishPlanRequest request, ServerCallContext context) =>
        plans.PublishAsync(Who, ResourceNames.Parse<PlanName>(request.Name).PlanId, request.Published, request.Etag, context.CancellationToken);

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<PlanTree> GetPlanTree(GetPlanTreeRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Name).PlanId;
        if (!System.Enum.IsDefined(request.View)) throw ApiErrors.InvalidArgument("view", "must be BASIC or FULL");
        // The plan (with the tree etag) is read before the objectives: a write in between makes the etag older
        // than the tree, so the next revalidation fetches again, never the other way round.
        var plan = await plans.GetRowAsync(Who, planId, context.CancellationToken);
        if (request.IfNoneMatch.Length > 0 && request.IfNoneMatch == plan.TreeEtag) return PlanTrees.NotModified(plan);
        return request.View == PlanTreeView.Basic
            ? PlanTrees.Build(plan, await objectives.OutlinesAsync(Who, planId, context.CancellationToken))
            : PlanTrees.Build(plan, await objectives.AllAsync(Who, planId, context.CancellationToken));
    }

    // ---- objectives ----

    [Access(AccessLevel.Write)]
    public override Task<Objective> CreateObjective(CreateObjectiveRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        var validator = new RequestValidator();
        ObjectiveValidation.ValidateCreate(request, validator);
        validator.ThrowIfInvalid();
        return objectives.CreateAsync(Who, planId, request.ObjectiveId, request.Objective, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override Task ImportObjectives(ImportChunk request, IServerStreamWriter<ImportEvent> responseStream, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        return imports.RunAsync(Who, request, ObjectiveImportKind.For(planId, Who, objectives), e => responseStream.WriteAsync(e),
            context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override async Task ImportFile(IAsyncStreamReader<ImportChunk> requestStream, IServerStreamWriter<ImportEvent> responseStream,
        ServerCallContext context)
    {
        await using var upload = await ImportUpload.ReadAsync(requestStream, context.CancellationToken);
        var planId = ResourceNames.Parse<PlanName>(upload.Header.Parent, "parent").PlanId;
        Task Emit(ImportEvent e) => responseStream.WriteAsync(e);
        await (upload.Header.Kind switch
        {
            ObjectiveImportKind.Name => imports.RunAsync(Who, upload, ObjectiveImportKind.For(planId, Who, objectives), Emit, context.CancellationToken),
            ReportImportKind.Name => imports.RunAsync(Who, upload, ReportImportKind.For(planId, Who, reports), Emit, context.CancellationToken),
            _ => throw ApiErrors.InvalidArgument("kind", $"must be one of: {ObjectiveImportKind.Name}, {ReportImportKind.Name}"),
        });
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<HttpBody> ExportObjectives(ExportRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        FileExport.Validate(request, ObjectiveImportKind.Name);
        await plans.GetRowAsync(Who, planId, context.CancellationToken);
        var all = PlanTrees.ParentsFirst(await objectives.AllAsync(Who, planId, context.CancellationToken)).Select(r => r.ToProto()).ToList();
        var schema = ObjectiveImportKind.ExportSchema(all);
        return await FileExport.WriteAsync(request, ObjectiveImportKind.Name, schema, all.Select(o => ObjectiveImportKind.Row(o, schema)), context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<Objective> GetObjective(GetObjectiveRequest request, ServerCallContext context)
    {
        var (planId, code) = ResourceNames.Parse<ObjectiveName>(request.Name);
        return objectives.GetAsync(Who, planId, code, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<ListObjectivesResponse> ListObjectives(ListObjectivesRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        var validator = new RequestValidator();
        string? parentCode = null;
        if (request.ParentObjective.Length > 0)
        {
            if (ResourceNames.Check<ObjectiveName>(validator, request.ParentObjective, "parent_objective", out var parent)
                && validator.Check(parent.PlanId == planId, "parent_objective", $"must be an objective of {request.Parent}"))
                parentCode = parent.Code;
        }
        if (request.SdgGoal != 0) validator.Range(request.SdgGoal, 1, 17, "sdg_goal");
        validator.MaxLength(request.Query, 200, "query");
        validator.ThrowIfInvalid();
        static string? Opt(string value) => value.Trim().Length == 0 ? null : value.Trim();
        var filter = new ObjectiveFilter(parentCode, Opt(request.Level), Opt(request.Owner), Opt(request.Manager),
            Opt(request.Sector), Opt(request.MissionCode), Opt(request.ProgrammeCode),
            request.SdgGoal == 0 ? null : request.SdgGoal, Opt(request.Query));
        var paging = PageRequest.Read(request.PageSize, request.PageToken, filter.Fingerprint(planId));
        await plans.GetRowAsync(Who, planId, context.CancellationToken);
        var page = await objectives.ListAsync(Who, planId, filter, paging, context.CancellationToken);
        return new ListObjectivesResponse { Objectives = { page.Items }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Write)]
    public override Task<Objective> UpdateObjective(UpdateObjectiveRequest request, ServerCallContext context)
    {
        if (request.Objective is null) throw ApiErrors.InvalidArgument("objective", "is required");
        var (planId, code) = ResourceNames.Parse<ObjectiveName>(request.Objective.Name, "objective.name");
        var validator = new RequestValidator();
        var paths = UpdateMasks.Resolve(request.UpdateMask, ObjectiveFields.Updatable,
            request.Objective, validator);
        validator.ThrowIfInvalid();
        return objectives.UpdateAsync(Who, planId, code, request.Objective, paths, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override async Task<Empty> DeleteObjective(DeleteObjectiveRequest request, ServerCallContext context)
    {
        var (planId, code) = ResourceNames.Parse<ObjectiveName>(request.Name);
        await objectives.DeleteAsync(Who, planId, code, request.Etag, request.Force, context.CancellationToken);
        return new Empty();
    }

    [Access(AccessLevel.Write)]
    public override Task<Objective> MoveObjective(MoveObjectiveRequest request, ServerCallContext context)
    {
        var (planId, code) = ResourceNames.Parse<ObjectiveName>(request.Name);
        return objectives.MoveAsync(Who, planId, code, request.NewParent, request.Etag, context.CancellationToken);
    }

    // ---- progress reports ----

    [Access(AccessLevel.Write)]
    public override Task ImportProgressReports(ImportChunk request, IServerStreamWriter<ImportEvent> responseStream, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        return imports.RunAsync(Who, request, ReportImportKind.For(planId, Who, reports), e => responseStream.WriteAsync(e),
            context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<HttpBody> ExportProgressReports(ExportRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        FileExport.Validate(request, ReportImportKind.Name);
        await plans.GetRowAsync(Who, planId, context.CancellationToken);
        var all = await reports.AllAsync(Who, planId, context.CancellationToken);
        return await FileExport.WriteAsync(request, ReportImportKind.Name, ReportImportKind.Schema, all.Select(r => ReportImportKind.Row(r.Code, r.Report)),
            context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override Task<ProgressReport> CreateProgressReport(CreateProgressReportRequest request, ServerCallContext context)
    {
        var (planId, code) = ResourceNames.Parse<ObjectiveName>(request.Parent, "parent");
        var validator = new RequestValidator();
        var reportId = ReportValidation.Validate(request, validator);
        validator.ThrowIfInvalid();
        return reports.CreateAsync(Who, planId, code, reportId, request.Report, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<ProgressReport> GetProgressReport(GetProgressReportRequest request, ServerCallContext context)
    {
        var (planId, code, reportId) = ReportValidation.ParseName(request.Name);
        return reports.GetAsync(Who, planId, code, reportId, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<ListProgressReportsResponse> ListProgressReports(ListProgressReportsRequest request,
        ServerCallContext context)
    {
        var (planId, code) = ResourceNames.Parse<ObjectiveName>(request.Parent, "parent");
        var paging = PageRequest.Read(request.PageSize, request.PageToken, ReportStore.ListFingerprint(planId, code));
        await objectives.GetAsync(Who, planId, code, context.CancellationToken);
        var page = await reports.ListAsync(Who, planId, code, paging, context.CancellationToken);
        return new ListProgressReportsResponse { Reports = { page.Items }, NextPageToken = page.NextPageToken };
    }

    // ---- versions ----

    [Access(AccessLevel.Write)]
    public override Task<PlanVersion> CreatePlanVersion(CreatePlanVersionRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        var description = request.Version?.Description ?? "";
        var validator = new RequestValidator();
        validator.MaxLength(description, 2000, "version.description");
        validator.ThrowIfInvalid();
        return versions.CreateAsync(Who, planId, description, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<PlanVersion> GetPlanVersion(GetPlanVersionRequest request, ServerCallContext context)
    {
        var (planId, number) = VersionStore.ParseName(request.Name);
        return versions.GetAsync(Who, planId, number, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<ListPlanVersionsResponse> ListPlanVersions(ListPlanVersionsRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        var paging = PageRequest.Read(request.PageSize, request.PageToken, VersionStore.ListFingerprint(planId));
        await plans.GetRowAsync(Who, planId, context.CancellationToken);
        var page = await versions.ListAsync(Who, planId, paging, context.CancellationToken);
        return new ListPlanVersionsResponse { Versions = { page.Items }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<PlanVersionDiff> DiffPlanVersions(DiffPlanVersionsRequest request, ServerCallContext context)
    {
        var (planId, number) = VersionStore.ParseName(request.Name);
        PlanVersion other;
        if (request.Other.Length > 0)
        {
            var (otherPlan, otherNumber) = VersionStore.ParseName(request.Other, "other");
            if (otherPlan != planId) throw ApiErrors.InvalidArgument("other", $"must be a version of plans/{planId}");
            other = await versions.GetAsync(Who, planId, otherNumber, context.CancellationToken);
        }
        else
        {
            var plan = await plans.GetAsync(Who, planId, context.CancellationToken);
            var rows = await objectives.AllAsync(Who, planId, context.CancellationToken);
            other = new PlanVersion { Plan = plan, Objectives = { rows.Select(r => r.ToProto()) } };
        }
        var baseVersion = await versions.GetAsync(Who, planId, number, context.CancellationToken);
        return VersionStore.Diff(baseVersion, other);
    }

    // ---- audit ----

    [Access(AccessLevel.Read)]
    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var planId = ObjectiveName.TryParse(request.Parent, out var objective)
            ? objective.PlanId
            : ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        var paging = PageRequest.Read(request.PageSize, request.PageToken, AuditLog.ListFingerprint(request.Parent));
        await plans.GetRowAsync(Who, planId, context.CancellationToken);
        var page = await audit.ListAsync(Who, request.Parent, paging, context.CancellationToken);
        return new ListAuditEventsResponse { AuditEvents = { page.Items }, NextPageToken = page.NextPageToken };
    }
}
