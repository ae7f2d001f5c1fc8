using Empty = Google.Protobuf.WellKnownTypes.Empty;
using Platform.Common.V1;
using Platform.Finance.Balances;
using Platform.Finance.Budgets;
using Platform.Finance.Debt;
using Platform.Finance.Funding;
using Platform.Finance.FinancialIndices;
using Platform.Finance.Investments;
using Platform.Finance.Lines;
using Platform.ServiceDefaults.Imports;
using Platform.Finance.Quality;
using Platform.ServiceDefaults.Quality;
using Platform.ServiceDefaults.Security;

namespace Platform.Finance;

/// <summary>gRPC (and transcoded REST) face of the Finance service: validate, call the store, map.</summary>
public sealed partial class FinanceGrpcService(BudgetStore budgets, LineStore lines, DebtStore debt, InvestmentStore investments,
    ObjectiveFundingReader funding, AuditLog audit, FileImports imports, IRequestContext requestContext, QualityService quality,
    FinanceQualityReader qualityReader)
    : FinanceService.FinanceServiceBase
{
    [Access(AccessLevel.Write)]
    public override Task<Budget> CreateBudget(CreateBudgetRequest request, ServerCallContext context)
    {
        BudgetValidation.ValidateCreate(request);
        return budgets.CreateAsync(requestContext.Current, request.BudgetId, request.Budget, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<Budget> GetBudget(GetBudgetRequest request, ServerCallContext context) =>
        budgets.GetAsync(requestContext.Current, ResourceNames.Parse<BudgetName>(request.Name).BudgetId, context.CancellationToken);

    [Access(AccessLevel.Read, PublicListing = true)]
    public override async Task<ListBudgetsResponse> ListBudgets(ListBudgetsRequest request, ServerCallContext context)
    {
        var paging = PageRequest.Read(request.PageSize, request.PageToken, BudgetStore.ListFingerprint);
        var page = await budgets.ListAsync(requestContext.Current, paging, context.CancellationToken);
        return new ListBudgetsResponse { Budgets = { page.Items }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Write)]
    public override Task<Budget> UpdateBudget(UpdateBudgetRequest request, ServerCallContext context)
    {
        if (request.Budget is null) throw ApiErrors.InvalidArgument("budget", "is required");
        var budgetId = ResourceNames.Parse<BudgetName>(request.Budget.Name, "budget.name").BudgetId;
        var validator = new RequestValidator();
        var paths = UpdateMasks.Resolve(request.UpdateMask, BudgetValidation.UpdatableFields, request.Budget, validator);
        validator.ThrowIfInvalid();
        return budgets.UpdateAsync(requestContext.Current, budgetId, request.Budget, paths, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override Task<Budget> ApproveBudget(ApproveBudgetRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = ResourceNames.Parse<BudgetName>(request.Name).BudgetId;
        return budgets.ApproveAsync(who, budgetId, request.Etag, async (connection, transaction, budget) =>
            BudgetValidation.EnsureBalanced(budget, await lines.LedgerAsync(connection, transaction, who, budgetId, context.CancellationToken)),
            context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override Task<BatchUpsertBudgetLinesResponse> BatchUpsertBudgetLines(BatchUpsertBudgetLinesRequest request, ServerCallContext context)
    {
        var budgetId = ResourceNames.Parse<BudgetName>(request.Parent, "parent").BudgetId;
        return lines.BatchUpsertAsync(requestContext.Current, budgetId, request, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<ListBudgetLinesResponse> ListBudgetLines(ListBudgetLinesRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = ResourceNames.Parse<BudgetName>(request.Parent, "parent").BudgetId;
        var fingerprint = Paging.Fingerprint("lines", budgetId, request.Kind, request.Titolo, request.MissionCode, request.ProgrammeCode);
        var paging = PageRequest.Read(request.PageSize, request.PageToken, fingerprint);
        await budgets.GetRowAsync(who, budgetId, context.CancellationToken);
        var page = await lines.ListAsync(who, budgetId, request, paging, fingerprint, context.CancellationToken);
        return new ListBudgetLinesResponse { Lines = { page.Items }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<SummarizeBudgetLinesResponse> SummarizeBudgetLines(SummarizeBudgetLinesRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = ResourceNames.Parse<BudgetName>(request.Parent, "parent").BudgetId;
        var validator = new RequestValidator();
        validator.Check(request.Kind != BudgetLine.Types.Kind.Unspecified, "kind", "is required (REVENUE, SPENDING or BALANCE)");
        for (var i = 0; i < request.GroupBy.Count; i++)
            validator.Check(LineTotals.GroupLevels.Contains(request.GroupBy[i]), $"group_by[{i}]",
                $"must be one of {string.Join(", ", LineTotals.GroupLevels)}");
        var budget = await budgets.GetRowAsync(who, budgetId, context.CancellationToken);
        BudgetValidation.CheckStage(budget, request.Year, request.Stage, validator);
        validator.ThrowIfInvalid();

        var ledger = await lines.LedgerAsync(who, budgetId, context.CancellationToken);
        return ledger.Summarize(request.Kind, request.Year, request.Stage, request.Titolo, request.MissionCode, request.GroupBy);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<BudgetBalances> GetBudgetBalances(GetBudgetBalancesRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = ResourceNames.Parse<BudgetName>(request.Name).BudgetId;
        var budget = await budgets.GetRowAsync(who, budgetId, context.CancellationToken);
        var validator = new RequestValidator();
        BudgetValidation.CheckStage(budget, request.Year, request.Stage, validator);
        validator.ThrowIfInvalid();
        var inputs = (await lines.LedgerAsync(who, budgetId, context.CancellationToken)).BalanceInputs(request.Year, request.Stage);
        var current = BalanceCalculator.Current(inputs);
        var capital = BalanceCalculator.Capital(inputs);
        return new BudgetBalances
        {
            Budget = budget.ResourceName, Year = request.Year, Stage = request.Stage,
            Current = current, Capital = capital, Balanced = current.Balanced && capital.Balanced,
        };
    }

    [Access(AccessLevel.Write)]
    public override Task<DebtSchedule> UpdateDebtSchedule(UpdateDebtScheduleRequest request, ServerCallContext context)
    {
        if (request.Schedule is null) throw ApiErrors.InvalidArgument("schedule", "is required");
        var budgetId = ResourceNames.ParseParentOf<BudgetName>(request.Schedule.Name, "debtSchedule", "schedule.name").BudgetId;
        return debt.ReplaceAsync(requestContext.Current, budgetId, request.Schedule, request.Etag, context.CancellationToken);
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<DebtSchedule> GetDebtSchedule(GetDebtScheduleRequest request, ServerCallContext context) =>
        debt.GetAsync(requestContext.Current, ResourceNames.ParseParentOf<BudgetName>(request.Name, "debtSchedule", "name").BudgetId, context.CancellationToken);

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<FinancialIndicators> GetFinancialIndicators(GetFinancialIndicatorsRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = ResourceNames.Parse<BudgetName>(request.Name).BudgetId;
        var budget = await budgets.GetRowAsync(who, budgetId, context.CancellationToken);
        var validator = new RequestValidator();
        BudgetValidation.CheckStage(budget, request.Year, request.Stage, validator);
        validator.Check(request.Inhabitants >= 0, "inhabitants", "must not be negative");
        validator.ThrowIfInvalid();
        var inhabitants = request.Inhabitants > 0 ? request.Inhabitants
            : (await debt.YearsAsync(who, budgetId, context.CancellationToken)).FirstOrDefault(y => y.Year == request.Year)?.Inhabitants ?? 0;
        var ledger = await lines.LedgerAsync(who, budgetId, context.CancellationToken);
        return new FinancialIndicators
        {
            Budget = budget.ResourceName, Year = request.Year, Stage = request.Stage, Inhabitants = inhabitants,
            Indicators = { IndicatorCalculator.Compute(ledger, request.Year, request.Stage, inhabitants) },
        };
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<ObjectiveFunding> GetObjectiveFunding(GetObjectiveFundingRequest request, ServerCallContext context)
    {
        var budgetId = ResourceNames.Parse<BudgetName>(request.Budget, "budget").BudgetId;
        var validator = new RequestValidator();
        validator.Check((request.Objective.Length > 0) != (request.Plan.Length > 0), "objective", "give either objective or plan");
        ObjectiveName? objective = null;
        var plan = default(PlanName);
        if (request.Objective.Length > 0 && ResourceNames.Check<ObjectiveName>(validator, request.Objective, "objective", out var named))
            (objective, plan) = (named, named.Plan);
        else if (request.Plan.Length > 0)
            ResourceNames.Check(validator, request.Plan, "plan", out plan);
        validator.ThrowIfInvalid();
        return await funding.ReadAsync(requestContext.Current, budgetId, plan, objective, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override async Task<Investment> CreateInvestment(CreateInvestmentRequest request, ServerCallContext context) =>
        (await investments.CreateManyAsync(requestContext.Current, [request], lenient: false, single: true, context.CancellationToken))[0];

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<Investment> GetInvestment(GetInvestmentRequest request, ServerCallContext context) =>
        investments.GetAsync(requestContext.Current, ResourceNames.Parse<InvestmentName>(request.Name).InvestmentId, context.CancellationToken);

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override async Task<ListInvestmentsResponse> ListInvestments(ListInvestmentsRequest request, ServerCallContext context)
    {
        var paging = PageRequest.Read(request.PageSize, request.PageToken, InvestmentStore.ListFingerprint(request.PnrrMission));
        var page = await investments.ListAsync(requestContext.Current, request.PnrrMission, paging, context.CancellationToken);
        return new ListInvestmentsResponse { Investments = { page.Items }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Write)]
    public override async Task<ImportInvestmentsResponse> ImportInvestments(ImportInvestmentsRequest request, ServerCallContext context)
    {
        var created = await investments.CreateManyAsync(requestContext.Current, request.Investments, request.Lenient, single: false,
            context.CancellationToken);
        return new ImportInvestmentsResponse { Investments = { created }, FlaggedCount = created.Count(i => i.Flags.Count > 0) };
    }

    [Access(AccessLevel.Read, PublicWhenPublished = true)]
    public override Task<SummarizeInvestmentsResponse> SummarizeInvestments(SummarizeInvestmentsRequest request, ServerCallContext context) =>
        investments.SummarizeAsync(requestContext.Current, context.CancellationToken);

    [Access(AccessLevel.Write)]
    public override Task<Investment> UpdateInvestment(UpdateInvestmentRequest request, ServerCallContext context)
    {
        if (request.Investment is null) throw ApiErrors.InvalidArgument("investment", "is required");
        var investmentId = ResourceNames.Parse<InvestmentName>(request.Investment.Name, "investment.name").InvestmentId;
        var validator = new RequestValidator();
        var paths = UpdateMasks.Resolve(request.UpdateMask, InvestmentValidation.UpdatableFields,
            request.Investment, validator);
        validator.ThrowIfInvalid();
        return investments.UpdateAsync(requestContext.Current, investmentId, request.Investment, paths, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override async Task<Empty> DeleteInvestment(DeleteInvestmentRequest request, ServerCallContext context)
    {
        await investments.DeleteAsync(requestContext.Current, ResourceNames.Parse<InvestmentName>(request.Name).InvestmentId, request.Etag, context.CancellationToken);
        return new Empty();
    }

    /// <summary>
    /// The trail of a budget (its lines and debt schedule included) or of an investment. A budget must exist;
    /// an investment's trail stays readable after it is deleted (events are scoped by tenant either way).
    /// </summary>
    [Access(AccessLevel.Read)]
    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        if (request.Parent.StartsWith(InvestmentName.Collection + "/", StringComparison.Ordinal))
            _ = ResourceNames.Parse<InvestmentName>(request.Parent, "parent");
        else
            await budgets.GetRowAsync(who, ResourceNames.Parse<BudgetName>(request.Parent, "parent").BudgetId, context.CancellationToken);
        var paging = PageRequest.Read(request.PageSize, request.PageToken, AuditLog.ListFingerprint(request.Parent));
        var page = await audit.ListAsync(who, request.Parent, paging, context.CancellationToken);
        return new ListAuditEventsResponse { AuditEvents = { page.Items }, NextPageToken = page.NextPageToken };
    }
}
