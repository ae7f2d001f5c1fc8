namespace Finance.Tests;

/// <summary>The audit trail of an investment the caller cannot see is NOT_FOUND (issue 9, defect 5).</summary>
public sealed class AuditTrailVisibilityTests(ServiceFactory<FinanceGrpcService> factory)
    : FinanceTest(factory), IClassFixture<ServiceFactory<FinanceGrpcService>>
{
    [Fact]
    public async Task An_unknown_investment_has_no_trail()
    {
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound,
            await Rest("audit-investments").GetAsync("/v1/investments/never-created/auditEvents", Cancellation));
    }
}
