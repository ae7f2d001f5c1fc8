using Google.Protobuf;
using Platform.Finance.Budgets;
using Platform.Objectives.Client;
using Platform.ServiceDefaults.Security;

namespace Platform.Finance.Security;

/// <summary>
/// What citizens read of an ente's finances: its approved budgets (with their lines, balances, debt schedule
/// and financial indices), and its investments once the ente has approved a budget (the programme of works
/// is part of it); a draft budget does not exist for them. The funding of a plan's objectives needs the plan
/// published too (Objectives decides that).
/// </summary>
public sealed class ApprovedBudgetPolicy(BudgetStore budgets, Database database, ObjectivesPublicationPolicy plans) : IPublicReadPolicy
{
    public bool Covers(IMessage request) =>
        PublicReads.BudgetIdOf(request) is not null || IsAboutInvestments(request) || PublicReads.PlanIdOf(request) is not null;

    public async Task<bool> AllowsAsync(IMessage request, RequestIdentity who, CancellationToken cancellationToken)
    {
        if (PublicReads.BudgetIdOf(request) is { } budgetId && !await IsApprovedAsync(who, budgetId, cancellationToken)) return false;
        if (IsAboutInvestments(request) && !await HasApprovedBudgetAsync(who, cancellationToken)) return false;
        return PublicReads.PlanIdOf(request) is null || await plans.AllowsAsync(request, who, cancellationToken);
    }

    private static bool IsAboutInvestments(IMessage request) =>
        request is ListInvestmentsRequest or SummarizeInvestmentsRequest || PublicReads.InvestmentIdOf(request) is not null;

    private async Task<bool> IsApprovedAsync(RequestIdentity who, string budgetId, CancellationToken cancellationToken)
    {
        try
        {
            return (await budgets.GetRowAsync(who, budgetId, cancellationToken)).IsApproved;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            return false;
        }
    }

    private async Task<bool> HasApprovedBudgetAsync(RequestIdentity who, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<int>(
            "SELECT COUNT(*) FROM budgets WHERE tenant_id = @TenantId AND state = @Approved",
            new { who.TenantId, Approved = nameof(Budget.Types.State.Approved) }, cancellationToken) > 0;
}
