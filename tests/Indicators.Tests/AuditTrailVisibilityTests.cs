using System.Net;

namespace Indicators.Tests;

/// <summary>The audit trail of an indicator the caller cannot see is NOT_FOUND, like any other read (issue 9, defect 5).</summary>
public sealed class AuditTrailVisibilityTests(IndicatorsHost host) : IClassFixture<IndicatorsHost>, IDisposable
{
    private readonly ServiceFactory<IndicatorsGrpcService> _factory = host.Factory;

    public void Dispose() => Assert.Empty(_factory.Problems);

    [Fact]
    public async Task Unknown_and_other_entes_indicators_have_no_trail_over_rest_and_grpc()
    {
        var owner = _factory.CreateRestClient("audit-owner");
        await (await owner.PostJsonAsync("/v1/indicators?indicator_id=rd", """{"title":"Raccolta differenziata","unit":"%"}""")).ReadJsonAsync();
        var outsider = _factory.CreateRestClient("audit-outsider");
        var outsiderGrpc = new IndicatorsService.IndicatorsServiceClient(_factory.CreateGrpcChannel("audit-outsider"));

        Assert.Equal(1, (await owner.GetJsonAsync("/v1/indicators/rd/auditEvents")).GetProperty("auditEvents").GetArrayLength());
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await outsider.GetAsync("/v1/indicators/rd/auditEvents"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await owner.GetAsync("/v1/indicators/never-created/auditEvents"));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => outsiderGrpc.ListIndicatorAuditEventsAsync(
            new ListIndicatorAuditEventsRequest { Parent = "indicators/rd" }).ResponseAsync);
    }

    [Fact]
    public async Task A_deleted_indicator_keeps_its_trail()
    {
        var rest = _factory.CreateRestClient("audit-deleted");
        await (await rest.PostJsonAsync("/v1/indicators?indicator_id=gone", """{"title":"Indice","unit":"n"}""")).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await rest.DeleteAsync("/v1/indicators/gone")).StatusCode);

        var trail = await rest.GetJsonAsync("/v1/indicators/gone/auditEvents");

        Assert.Equal(["create", "delete"], trail.GetProperty("auditEvents").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }
}
