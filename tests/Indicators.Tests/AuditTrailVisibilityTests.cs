using System.Net;

namespace Indicators.Tests;

/// <summary>The audit trail of an indicator the caller cannot see is NOT_FOUND, like any other read (issue 9, defect 5).</summary>
public sealed class AuditTrailVisibilityTests(IndicatorsHost host) : IndicatorsTest(host), IClassFixture<IndicatorsHost>
{
    private async Task<HttpClient> OwnerOfRdAsync(string tenant)
    {
        var owner = Rest(tenant);
        await (await owner.PostJsonAsync("/v1/indicators?indicator_id=rd", """{"title":"Raccolta differenziata","unit":"%"}""", Cancellation))
            .ReadJsonAsync(Cancellation);
        return owner;
    }

    [Fact]
    public async Task The_owner_reads_the_trail()
    {
        var owner = await OwnerOfRdAsync("audit-owner");

        Assert.Equal(1, (await owner.GetJsonAsync("/v1/indicators/rd/auditEvents", Cancellation)).GetProperty("auditEvents").GetArrayLength());
    }

    [Fact]
    public async Task Another_ente_has_no_trail_of_the_indicator_over_rest_and_grpc()
    {
        await OwnerOfRdAsync("audit-owner-2");

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Rest("audit-outsider").GetAsync("/v1/indicators/rd/auditEvents", Cancellation));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => Grpc("audit-outsider").ListIndicatorAuditEventsAsync(
            new ListIndicatorAuditEventsRequest { Parent = "indicators/rd" }, Call()).ResponseAsync);
    }

    [Fact]
    public async Task An_unknown_indicator_has_no_trail()
    {
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Rest("audit-owner").GetAsync("/v1/indicators/never-created/auditEvents", Cancellation));
    }

    [Fact]
    public async Task A_deleted_indicator_keeps_its_trail()
    {
        var rest = Rest("audit-deleted");
        await (await rest.PostJsonAsync("/v1/indicators?indicator_id=gone", """{"title":"Indice","unit":"n"}""", Cancellation)).ReadJsonAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, (await rest.DeleteAsync("/v1/indicators/gone", Cancellation)).StatusCode);

        var trail = await rest.GetJsonAsync("/v1/indicators/gone/auditEvents", Cancellation);

        Assert.Equal(["create", "delete"], trail.GetProperty("auditEvents").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }
}
