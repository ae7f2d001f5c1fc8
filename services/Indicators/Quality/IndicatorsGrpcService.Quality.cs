using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Indicators.Quality;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Security;

namespace Platform.Indicators;

/// <summary>The data-quality RPCs of the Indicators service (rules in <c>Quality/</c>).</summary>
public sealed partial class IndicatorsGrpcService
{
    [Access(AccessLevel.Read)]
    public override async Task<ValidationReport> ValidatePlanIndicators(ValidatePlanIndicatorsRequest request, ServerCallContext context)
    {
        var plan = ResourceNames.Parse<PlanName>(request.Plan, "plan").ToString();
        var data = await planIndicators.ReadAsync(requestContext.Current, plan, context.CancellationToken);
        return await quality.RunAsync(requestContext.Current, plan, IndicatorRules.All, data, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override Task<ListQualityRulesResponse> ListQualityRules(ListQualityRulesRequest request, ServerCallContext context) =>
        quality.ListAsync(requestContext.Current, request, context.CancellationToken);

    [Access(AccessLevel.Admin)]
    public override Task<QualityRule> UpdateQualityRule(UpdateQualityRuleRequest request, ServerCallContext context) =>
        quality.UpdateAsync(requestContext.Current, request, context.CancellationToken);

    [Access(AccessLevel.Write)]
    public override Task<Silence> SilenceFinding(SilenceFindingRequest request, ServerCallContext context) =>
        quality.SilenceAsync(requestContext.Current, request, IndicatorExistsAsync, context.CancellationToken);

    [Access(AccessLevel.Write)]
    public override Task<Empty> UnsilenceFinding(UnsilenceFindingRequest request, ServerCallContext context) =>
        quality.UnsilenceAsync(requestContext.Current, request, context.CancellationToken);

    /// <summary>A silenced resource is an indicator of the caller's ente or one of its periods (NOT_FOUND otherwise).</summary>
    private Task IndicatorExistsAsync(string resource, CancellationToken ct) =>
        indicators.GetRowAsync(requestContext.Current,
            ResourceNames.Parse<IndicatorName>(string.Join('/', resource.Split('/').Take(2)), "resource").IndicatorId, ct);
}
