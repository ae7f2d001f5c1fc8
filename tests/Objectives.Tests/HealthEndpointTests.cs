namespace Objectives.Tests;

/// <summary>Readiness (<c>/healthz</c>, database included) and liveness (<c>/alive</c>) are separate probes.</summary>
public sealed class HealthEndpointTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/alive")]
    public async Task Probe_answers_healthy(string path)
    {
        var response = await Anonymous().GetAsync(path, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }
}
