using Grpc.Core;
using Platform.Finance.Budgets;
using Platform.Finance.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Security;

namespace Platform.Finance;

/// <summary>gRPC (and transcoded REST) face of the Finance service: validate, call the store, map.</summary>
public sealed class FinanceGrpcService(BudgetStore budgets, IRequestContext requestContext)
    : FinanceService.FinanceServiceBase
{
    [Access(AccessLevel.Write)]
    public override Task<Budget> CreateBudget(CreateBudgetRequest request, ServerCallContext context)
    {
        BudgetValidation.ValidateCreate(request);
        return budgets.CreateAsync(requestContext.Current, request.BudgetId, request.Budget, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override Task<Budget> GetBudget(GetBudgetRequest request, ServerCallContext context) =>
        budgets.GetAsync(requestContext.Current, BudgetNames.ParseId(request.Name), context.CancellationToken);

    [Access(AccessLevel.Read)]
    public override async Task<ListBudgetsResponse> ListBudgets(ListBudgetsRequest request, ServerCallContext context)
    {
        var paging = PageRequest.Read(request.PageSize, request.PageToken, BudgetStore.ListFingerprint);
        var page = await budgets.ListAsync(requestContext.Current, paging, context.CancellationToken);
        return new ListBudgetsResponse { Budgets = { page.Items }, NextPageToken = page.NextPageToken };
    }
}
