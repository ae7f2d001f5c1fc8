using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Common.V1;
using Platform.Imports.V1;
using Platform.Indicators.Definitions;
using Platform.Indicators.Imports;
using Platform.Indicators.Periods;
using Platform.Indicators.Quality;
using Platform.Indicators.Scorecards;
using Platform.Objectives.Client;
using Platform.ServiceDefaults.Imports;
using Platform.ServiceDefaults.Quality;
using Platform.ServiceDefaults.Security;

namespace Platform.Indicators;

/// <summary>gRPC (and transcoded REST) face of the Indicators service: validate, call the store, map.</summary>
public sealed partial class IndicatorsGrpcService(IndicatorStore indicators, PeriodStore periods, ObjectiveLinks links,
    ScorecardService scorecards, AuditLog audit, FileImports imports, ObjectivesLookup objectives, IRequestContext requestContext,
    QualityService quality, PlanIndicatorsReader planIndicators)
    : IndicatorsService.IndicatorsServiceBase
{
    [Access(AccessLevel.Write)]
    public override async Task<Indicator> CreateIndicator(CreateIndicatorRequest request, ServerCallContext context)
    {
        var definition = IndicatorValidation.ValidateCreate(request);
        await CheckLinksAsync(definition.Objectives, context.CancellationToken, plans: definition.Plans);
        return await indicators.CreateAsync(requestContext.Current, request.IndicatorId, definition, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<Indicator> GetIndicator(GetIndicatorRequest request, ServerCallContext context) =>
        (await indicators.GetRowAsync(requestContext.Current, ResourceNames.Parse<IndicatorName>(request.Name).IndicatorId, context.CancellationToken)).ToProto();

    [Access(AccessLevel.Read)]
    public override async Task<ListIndicatorsResponse> ListIndicators(ListIndicatorsRequest request, ServerCallContext context)
    {
        var paging = PageRequest.Read(request.PageSize, request.PageToken, IndicatorStore.ListFingerprint);
        var page = await indicators.ListAsync(requestContext.Current, paging, context.CancellationToken);
        return new ListIndicatorsResponse { Indicators = { page.Items }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Write)]
    public override async Task<Indicator> UpdateIndicator(UpdateIndicatorRequest request, ServerCallContext context)
    {
        if (request.Indicator is null) throw ApiErrors.InvalidArgument("indicator", "is required");
        var indicatorId = ResourceNames.Parse<IndicatorName>(request.Indicator.Name, "indicator.name").IndicatorId;
        var validator = new RequestValidator();
        var paths = UpdateMasks.Resolve(request.UpdateMask, IndicatorValidation.UpdatableFields,
            request.Indicator, validator);
        validator.ThrowIfInvalid();

        var who = requestContext.Current;
        IndicatorDefinition Build(IndicatorRow current)
        {
            var rules = new RequestValidator();
            var definition = IndicatorValidation.ValidateFields(IndicatorValidation.Merge(current.ToProto(), request.Indicator, paths), rules);
            rules.ThrowIfInvalid();
            return definition;
        }

        // Links are checked with the Objectives service before the write transaction, never inside it; the
        // objectives a client sends are the same whatever the stored version, and stored links were checked.
        var read = await indicators.GetRowAsync(who, indicatorId, context.CancellationToken);
        Etags.Check(request.Indicator.Etag, read.Version, read.ResourceName);
        var planned = Build(read);
        await CheckLinksAsync(planned.Objectives.Except(read.Objectives).ToList(), context.CancellationToken, planned.Objectives,
            planned.Plans.SequenceEqual(read.Plans) ? [] : planned.Plans);
        return await indicators.UpdateAsync(who, indicatorId, request.Indicator.Etag, Build, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override async Task<Empty> DeleteIndicator(DeleteIndicatorRequest request, ServerCallContext context)
    {
        await indicators.DeleteAsync(requestContext.Current, ResourceNames.Parse<IndicatorName>(request.Name).IndicatorId, request.Etag, context.CancellationToken);
        return new Empty();
    }

    [Access(AccessLevel.Write)]
    public override Task<Period> UpdatePeriod(UpdatePeriodRequest request, ServerCallContext context)
    {
        if (request.Period is null) throw ApiErrors.InvalidArgument("period", "is required");
        var (indicatorId, key) = PeriodKey.ParseName(request.Period.Name, "period.name");
        var validator = new RequestValidator();
        var paths = UpdateMasks.Resolve(request.UpdateMask, PeriodRules.UpdatableFields,
            request.Period, validator);
        validator.ThrowIfInvalid();
        return periods.UpdateAsync(requestContext.Current, indicatorId, key, request.Period, paths, request.AllowMissing,
            context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<Period> GetPeriod(GetPeriodRequest request, ServerCallContext context)
    {
        var (indicatorId, key) = PeriodKey.ParseName(request.Name, "name");
        return periods.GetAsync(requestContext.Current, indicatorId, key, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<ListPeriodsResponse> ListPeriods(ListPeriodsRequest request, ServerCallContext context)
    {
        var series = await SeriesAsync([ResourceNames.Parse<IndicatorName>(request.Parent, "parent").IndicatorId], 0, 0, context.CancellationToken);
        return new ListPeriodsResponse { Periods = { series[0].Periods } };
    }

    [Access(AccessLevel.Write)]
    public override Task<Period> ClosePeriod(ClosePeriodRequest request, ServerCallContext context)
    {
        var (indicatorId, key) = PeriodKey.ParseName(request.Name, "name");
        return periods.SetClosedAsync(requestContext.Current, indicatorId, key, closed: true, request.Etag, context.CancellationToken);
    }

    [Access(AccessLevel.Admin)]
    public override Task<Period> ReopenPeriod(ReopenPeriodRequest request, ServerCallContext context)
    {
        var (indicatorId, key) = PeriodKey.ParseName(request.Name, "name");
        return periods.SetClosedAsync(requestContext.Current, indicatorId, key, closed: false, request.Etag, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override async Task<ListAuditEventsResponse> ListIndicatorAuditEvents(ListIndicatorAuditEventsRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var indicatorId = ResourceNames.Parse<IndicatorName>(request.Parent, "parent").IndicatorId;
        var resource = IndicatorName.Format(indicatorId);
        var paging = PageRequest.Read(request.PageSize, request.PageToken, AuditLog.ListFingerprint(resource));
        var page = await audit.ListAsync(who, resource, paging, context.CancellationToken);
        return new ListAuditEventsResponse { AuditEvents = { page.Items }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<BatchGetTimeSeriesResponse> BatchGetTimeSeries(BatchGetTimeSeriesRequest request, ServerCallContext context)
    {
        var ids = SeriesValidation.Validate(request);
        var series = await SeriesAsync(ids, request.StartYear, request.EndYear, context.CancellationToken);
        return new BatchGetTimeSeriesResponse { Series = { series } };
    }

    [Access(AccessLevel.Write)]
    public override async Task ImportIndicators(ImportChunk request, IServerStreamWriter<ImportEvent> responseStream, ServerCallContext context)
    {
        await using var upload = ImportUpload.FromMessage(request);
        await ImportAsync(upload, responseStream, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override async Task ImportFile(IAsyncStreamReader<ImportChunk> requestStream, IServerStreamWriter<ImportEvent> responseStream,
        ServerCallContext context)
    {
        await using var upload = await ImportUpload.ReadAsync(requestStream, context.CancellationToken);
        if (upload.Header.Kind != IndicatorImportKind.Name)
            throw ApiErrors.InvalidArgument("kind", $"must be one of: {IndicatorImportKind.Name}");
        await ImportAsync(upload, responseStream, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override async Task<Google.Api.HttpBody> ExportIndicators(ExportRequest request, ServerCallContext context)
    {
        var planId = ResourceNames.Parse<PlanName>(request.Parent, "parent").PlanId;
        await PlanObjectivesAsync(planId, context.CancellationToken);
        var who = requestContext.Current;
        var (rows, periodRows) = await indicators.ListForPlanAsync(who, PlanName.Format(planId), 0, 0, context.CancellationToken);
        return await FileExport.WriteAsync(request, IndicatorImportKind.Name, IndicatorColumns.Schema,
            IndicatorExport.Rows(planId, rows, periodRows), context.CancellationToken);
    }

    /// <summary>The plan's objectives are read before the import's transaction, never inside it.</summary>
    private async Task ImportAsync(ImportUpload upload, IServerStreamWriter<ImportEvent> responseStream, CancellationToken ct)
    {
        var planId = ResourceNames.Parse<PlanName>(upload.Header.Parent, "parent").PlanId;
        var known = await PlanObjectivesAsync(planId, ct);
        var kind = IndicatorImportKind.For(planId, known, requestContext.Current, indicators, periods);
        await imports.RunAsync(requestContext.Current, upload, kind, e => responseStream.WriteAsync(e), ct);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<Scorecard> GetScorecard(GetScorecardRequest request, ServerCallContext context)
    {
        ScorecardValidation.Validate(request);
        var result = await scorecards.BuildAsync(requestContext.Current, request.Plan, request.Year, request.Year,
            request.Objective, context.CancellationToken);
        return result[0];
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<ScorecardTrend> GetScorecardTrend(GetScorecardTrendRequest request, ServerCallContext context)
    {
        ScorecardValidation.Validate(request);
        var result = await scorecards.BuildAsync(requestContext.Current, request.Plan, request.StartYear, request.EndYear,
            request.Objective, context.CancellationToken);
        return new ScorecardTrend { Scorecards = { result } };
    }

    /// <summary>The names of the plan's objectives, as the caller's ente sees them; NOT_FOUND for a plan it does not have.</summary>
    private async Task<IReadOnlySet<string>> PlanObjectivesAsync(string planId, CancellationToken ct)
    {
        var tree = await objectives.FindBasicTreeAsync(PlanName.Format(planId), ct) ?? throw ApiErrors.NotFound(PlanName.Format(planId));
        return tree.Objectives().Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
    }

    private async Task<List<TimeSeries>> SeriesAsync(IReadOnlyList<string> ids, int startYear, int endYear, CancellationToken ct)
    {
        var who = requestContext.Current;
        var distinct = ids.Distinct().ToList();
        var rows = await indicators.GetManyAsync(who, distinct, ct);
        var byId = rows.ToDictionary(r => r.IndicatorId);
        if (distinct.FirstOrDefault(id => !byId.ContainsKey(id)) is { } missing)
            throw ApiErrors.NotFound(IndicatorName.Format(missing));
        var periodRows = await periods.ListRowsAsync(who, distinct, startYear, endYear, ct);
        var byIndicator = periodRows.GroupBy(p => p.IndicatorId).ToDictionary(g => g.Key, g => g.ToList());
        return ids.Select(id =>
        {
            var indicator = byId[id];
            var own = byIndicator.GetValueOrDefault(id, []);
            return new TimeSeries
            {
                Indicator = indicator.ResourceName,
                Title = indicator.Title,
                Unit = indicator.Unit,
                Periods = { own.Select(p => PeriodViews.ToProto(indicator, p, own)) },
            };
        }).ToList();
    }

    /// <summary>Objectives (named by their position in <paramref name="all"/>) and plans the Objectives service does not know are violations.</summary>
    private async Task CheckLinksAsync(IReadOnlyList<string> toCheck, CancellationToken ct, IReadOnlyList<string>? all = null,
        IReadOnlyList<string>? plans = null)
    {
        var validator = new RequestValidator();
        if (toCheck.Count > 0) await links.CheckAsync(toCheck, all ?? toCheck, validator, ct);
        if (plans is { Count: > 0 }) await links.CheckPlansAsync(plans, validator, ct);
        validator.ThrowIfInvalid();
    }
}
