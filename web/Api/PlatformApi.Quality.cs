namespace Platform.Web.Api;

/// <summary>The data-quality reports of the three services (docs/DATA_QUALITY.md); staff only, null for a citizen.</summary>
public sealed partial class PlatformApi
{
    public Task<ValidationReport?> ValidatePlanAsync(string ente, string plan) =>
        GetAsync<ValidationReport>($"v1/plans/{E(plan)}:validate?ente={E(ente)}");

    public Task<ValidationReport?> ValidatePlanIndicatorsAsync(string ente, string plan) =>
        GetAsync<ValidationReport>($"v1/indicators:validate?plan={E("plans/" + plan)}&ente={E(ente)}");

    public Task<ValidationReport?> ValidateBudgetAsync(string ente, string budget) =>
        GetAsync<ValidationReport>($"v1/budgets/{E(budget)}:validate?ente={E(ente)}");

    public Task<ValidationReport?> ValidateInvestmentsAsync(string ente) =>
        GetAsync<ValidationReport>($"v1/investments:validate?ente={E(ente)}");
}
