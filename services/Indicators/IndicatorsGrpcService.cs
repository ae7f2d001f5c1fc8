using Grpc.Core;
using Platform.Indicators.Definitions;
using Platform.Indicators.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace Platform.Indicators;

/// <summary>gRPC (and transcoded REST) face of the Indicators service: validate, call the store, map.</summary>
public sealed class IndicatorsGrpcService(IndicatorStore indicators, IRequestContext requestContext)
    : IndicatorsService.IndicatorsServiceBase
{
    [Access(AccessLevel.Write)]
    public override Task<Indicator> CreateIndicator(CreateIndicatorRequest request, ServerCallContext context)
    {
        IndicatorValidation.ValidateCreate(request);
        return indicators.CreateAsync(requestContext.Current, request.IndicatorId, request.Indicator, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override Task<Indicator> GetIndicator(GetIndicatorRequest request, ServerCallContext context) =>
        indicators.GetAsync(requestContext.Current, IndicatorNames.ParseId(request.Name), context.CancellationToken);

    [Access(AccessLevel.Read)]
    public override async Task<ListIndicatorsResponse> ListIndicators(ListIndicatorsRequest request, ServerCallContext context)
    {
        var paging = PageRequest.Read(request.PageSize, request.PageToken, IndicatorStore.ListFingerprint);
        var page = await indicators.ListAsync(requestContext.Current, paging, context.CancellationToken);
        return new ListIndicatorsResponse { Indicators = { page.Items }, NextPageToken = page.NextPageToken };
    }
}
