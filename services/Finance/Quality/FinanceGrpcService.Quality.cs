using Google.Protobuf.WellKnownTypes;
using Platform.Finance.Quality;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Security;

namespace Platform.Finance;

/// <summary>The data-quality RPCs of the Finance service (rules in <c>Quality/</c>).</summary>
public sealed partial class FinanceGrpcService
{
    [Access(AccessLevel.Read)]
    public override async Task<ValidationReport> ValidateBudget(ValidateBudgetRequest request, ServerCallContext context)
    {
        var budgetId = ResourceNames.Parse<BudgetName>(request.Name).BudgetId;
        var data = await qualityReader.BudgetAsync(requestContext.Current, budgetId, context.CancellationToken);
        return await quality.RunAsync(requestContext.Current, data.BudgetName, FinanceRules.Budget, data, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override async Task<ValidationReport> ValidateInvestments(ValidateInvestmentsRequest request, ServerCallContext context)
    {
        var data = await qualityReader.InvestmentsAsync(requestContext.Current, context.CancellationToken);
        return await quality.RunAsync(requestContext.Current, "investments", FinanceRules.Investments, data, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override Task<ListQualityRulesResponse> ListQualityRules(ListQualityRulesRequest request, ServerCallContext context) =>
        quality.ListAsync(requestContext.Current, request, context.CancellationToken);

    [Access(AccessLevel.Admin)]
    public override Task<QualityRule> UpdateQualityRule(UpdateQualityRuleRequest request, ServerCallContext context) =>
        quality.UpdateAsync(requestContext.Current, request, context.CancellationToken);

    [Access(AccessLevel.Write)]
    public override Task<Silence> SilenceFinding(SilenceFindingRequest request, ServerCallContext context) =>
        quality.SilenceAsync(requestContext.Current, request, ResourceExistsAsync, context.CancellationToken);

    [Access(AccessLevel.Write)]
    public override Task<Empty> UnsilenceFinding(UnsilenceFindingRequest request, ServerCallContext context) =>
        quality.UnsilenceAsync(requestContext.Current, request, context.CancellationToken);

    /// <summary>A silenced resource is (or lies in) a budget or an investment of the caller's ente (NOT_FOUND otherwise).</summary>
    private Task ResourceExistsAsync(string resource, CancellationToken ct)
    {
        var root = string.Join('/', resource.Split('/').Take(2));
        return resource.StartsWith("budgets/", StringComparison.Ordinal)
            ? budgets.GetRowAsync(requestContext.Current, ResourceNames.Parse<BudgetName>(root, "resource").BudgetId, ct)
            : investments.GetAsync(requestContext.Current, ResourceNames.Parse<InvestmentName>(root, "resource").InvestmentId, ct);
    }
}
