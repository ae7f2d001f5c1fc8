namespace Finance.Tests;

/// <summary>The audit trail of an investment the caller cannot see is NOT_FOUND (issue 9, defect 5).</summary>
public sealed class AuditTrailVisibilityTests(ServiceFactory<FinanceGrpcService> factory) : IClassFixture<ServiceFactory<FinanceGrpcService>>, IDisposable
{
    public void Dispose() => Assert.Empty(factory.Problems);

    [Fact]
    public async Task An_unknown_investment_has_no_trail()
    {
        var rest = factory.CreateRestClient("audit-investments");

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await rest.GetAsync("/v1/investments/never-created/auditEvents"));
    }
}
