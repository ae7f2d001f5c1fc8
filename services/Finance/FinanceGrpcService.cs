using Empty = Google.Protobuf.WellKnownTypes.Empty;
using Grpc.Core;
using Platform.Common.V1;
using Platform.Finance.Balances;
using Platform.Finance.Budgets;
using Platform.Finance.Debt;
using Platform.Finance.Funding;
using Platform.Finance.Indicators;
using Platform.Finance.Investments;
using Platform.Finance.Lines;
using Platform.Finance.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Api;
using Platform.Objectives.Client;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;

namespace Platform.Finance;

/// <summary>gRPC (and transcoded REST) face of the Finance service: validate, call the store, map.</summary>
public sealed class FinanceGrpcService(BudgetStore budgets, LineStore lines, DebtStore debt, InvestmentStore investments,
    ObjectivesLookup objectives, AuditLog audit, IRequestContext requestContext)
    : FinanceService.FinanceServiceBase
{
    private static readonly string[] GroupLevels = ["titolo", "tipologia", "categoria", "mission", "programme", "macroaggregato", "balance_item"];

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

    [Access(AccessLevel.Write)]
    public override Task<Budget> UpdateBudget(UpdateBudgetRequest request, ServerCallContext context)
    {
        if (request.Budget is null) throw ApiErrors.InvalidArgument("budget", "is required");
        var budgetId = BudgetNames.ParseId(request.Budget.Name, "budget.name");
        var validator = new RequestValidator();
        var paths = UpdateMasks.Resolve(request.UpdateMask, BudgetValidation.UpdatableFields, request.Budget, validator);
        validator.ThrowIfInvalid();
        return budgets.UpdateAsync(requestContext.Current, budgetId, request.Budget, paths, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override Task<Budget> ApproveBudget(ApproveBudgetRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = BudgetNames.ParseId(request.Name);
        return budgets.ApproveAsync(who, budgetId, request.Etag, async (connection, transaction, budget) =>
        {
            var ledger = await lines.LedgerAsync(connection, transaction, who, budgetId, context.CancellationToken);
            var failures = budget.Stages
                .Select(s => (s.Year, Stage: Enum.Parse<Stage>(s.Stage)))
                .SelectMany(s =>
                {
                    var inputs = ledger.BalanceInputs(s.Year, s.Stage);
                    return new[] { BalanceCalculator.Current(inputs), BalanceCalculator.Capital(inputs) }
                        .Where(t => !t.Balanced).Select(t => $"{s.Year} {s.Stage}: {t.Failure}");
                })
                .ToList();
            if (failures.Count > 0)
                throw ApiErrors.FailedPrecondition("BUDGET_NOT_BALANCED",
                    $"{budget.ResourceName} cannot be approved: {string.Join("; ", failures)}", ("resource", budget.ResourceName));
        }, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override Task<BatchUpsertBudgetLinesResponse> BatchUpsertBudgetLines(BatchUpsertBudgetLinesRequest request, ServerCallContext context)
    {
        var budgetId = BudgetNames.ParseId(request.Parent, "parent");
        return lines.BatchUpsertAsync(requestContext.Current, budgetId, request, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override async Task<ListBudgetLinesResponse> ListBudgetLines(ListBudgetLinesRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = BudgetNames.ParseId(request.Parent, "parent");
        var fingerprint = Paging.Fingerprint("lines", budgetId, request.Kind, request.Titolo, request.MissionCode, request.ProgrammeCode);
        var paging = PageRequest.Read(request.PageSize, request.PageToken, fingerprint);
        await budgets.GetRowAsync(who, budgetId, context.CancellationToken);
        var ledger = await lines.LedgerAsync(who, budgetId, context.CancellationToken);
        var matching = ledger.Lines
            .Where(l => request.Kind == BudgetLine.Types.Kind.Unspecified || l.KindValue == request.Kind)
            .Where(l => request.Titolo == 0 || l.Titolo == request.Titolo)
            .Where(l => request.MissionCode.Length == 0 || l.MissionCode == request.MissionCode)
            .Where(l => request.ProgrammeCode.Length == 0 || l.ProgrammeCode == request.ProgrammeCode)
            .Where(l => paging.After is null || string.CompareOrdinal(l.LineId, paging.After) > 0)
            .OrderBy(l => l.LineId, StringComparer.Ordinal)
            .Take(paging.PageSize + 1).ToList();
        var page = Page<LineData>.From(matching, paging.PageSize, l => l.LineId, fingerprint);
        return new ListBudgetLinesResponse { Lines = { page.Items.Select(l => l.ToProto()) }, NextPageToken = page.NextPageToken };
    }

    [Access(AccessLevel.Read)]
    public override async Task<SummarizeBudgetLinesResponse> SummarizeBudgetLines(SummarizeBudgetLinesRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = BudgetNames.ParseId(request.Parent, "parent");
        var validator = new RequestValidator();
        validator.Check(request.Kind != BudgetLine.Types.Kind.Unspecified, "kind", "is required (REVENUE, SPENDING or BALANCE)");
        for (var i = 0; i < request.GroupBy.Count; i++)
            validator.Check(GroupLevels.Contains(request.GroupBy[i]), $"group_by[{i}]",
                $"must be one of {string.Join(", ", GroupLevels)}");
        var budget = await budgets.GetRowAsync(who, budgetId, context.CancellationToken);
        CheckStage(budget, request.Year, request.Stage, validator);
        validator.ThrowIfInvalid();

        var ledger = await lines.LedgerAsync(who, budgetId, context.CancellationToken);
        var rows = ledger.At(request.Year, request.Stage)
            .Where(r => r.Line.KindValue == request.Kind)
            .Where(r => request.Titolo == 0 || r.Line.Titolo == request.Titolo)
            .Where(r => request.MissionCode.Length == 0 || r.Line.MissionCode == request.MissionCode)
            .ToList();
        var response = new SummarizeBudgetLinesResponse { GrandTotal = Total([], rows) };
        response.Totals.AddRange(request.GroupBy.Count == 0 ? [] : rows
            .GroupBy(r => string.Join("\u001f", request.GroupBy.Select(level => Level(r.Line, level))))
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Total(request.GroupBy.Select(level => Level(g.First().Line, level)).ToList(), g.ToList())));
        return response;
    }

    [Access(AccessLevel.Read)]
    public override async Task<BudgetBalances> GetBudgetBalances(GetBudgetBalancesRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = BudgetNames.ParseId(request.Name);
        var budget = await budgets.GetRowAsync(who, budgetId, context.CancellationToken);
        var validator = new RequestValidator();
        CheckStage(budget, request.Year, request.Stage, validator);
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
        var budgetId = BudgetNames.ParseChild(request.Schedule.Name, "debtSchedule", "schedule.name");
        return debt.ReplaceAsync(requestContext.Current, budgetId, request.Schedule, request.Etag, context.CancellationToken);
    }

    [Access(AccessLevel.Read)]
    public override Task<DebtSchedule> GetDebtSchedule(GetDebtScheduleRequest request, ServerCallContext context) =>
        debt.GetAsync(requestContext.Current, BudgetNames.ParseChild(request.Name, "debtSchedule", "name"), context.CancellationToken);

    [Access(AccessLevel.Read)]
    public override async Task<FinancialIndicators> GetFinancialIndicators(GetFinancialIndicatorsRequest request, ServerCallContext context)
    {
        var who = requestContext.Current;
        var budgetId = BudgetNames.ParseId(request.Name);
        var budget = await budgets.GetRowAsync(who, budgetId, context.CancellationToken);
        var validator = new RequestValidator();
        CheckStage(budget, request.Year, request.Stage, validator);
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
        var who = requestContext.Current;
        var ct = context.CancellationToken;
        var budgetId = BudgetNames.ParseId(request.Budget, "budget");
        var validator = new RequestValidator();
        validator.Check((request.Objective.Length > 0) != (request.Plan.Length > 0), "objective", "give either objective or plan");
        var planName = request.Plan;
        if (request.Objective.Length > 0)
        {
            var parts = request.Objective.Split('/');
            if (validator.Check(parts is ["plans", { Length: > 0 }, "objectives", { Length: > 0 }], "objective",
                    "must be plans/{plan}/objectives/{objective}"))
                planName = $"plans/{parts[1]}";
        }
        else if (request.Plan.Length > 0)
            validator.Check(request.Plan.Split('/') is ["plans", { Length: > 0 }], "plan", "must be plans/{plan}");
        validator.ThrowIfInvalid();

        var budget = await budgets.GetRowAsync(who, budgetId, ct);
        var tree = await objectives.FindPlanTreeAsync(planName, ct)
            ?? throw ApiErrors.InvalidArgument(request.Plan.Length > 0 ? "plan" : "objective", $"{planName} does not exist in the Objectives service");
        var planObjectives = ObjectivesLookup.Flatten(tree.Roots).ToList();
        IReadOnlyList<Platform.Objectives.V1.Objective> targets = planObjectives;
        if (request.Objective.Length > 0)
        {
            var objective = planObjectives.FirstOrDefault(o => o.Name == request.Objective)
                ?? throw ApiErrors.InvalidArgument("objective", $"{request.Objective} does not exist in the Objectives service");
            targets = [objective];
        }
        var ledger = await lines.LedgerAsync(who, budgetId, ct);
        var funding = FundingCalculator.Compute(budget.ResourceName, ledger, planObjectives, targets);
        funding.Investments.AddRange(await investments.LinkedToAsync(who, targets.Select(o => o.Name).ToList(), ct));
        return funding;
    }

    [Access(AccessLevel.Write)]
    public override async Task<Investment> CreateInvestment(CreateInvestmentRequest request, ServerCallContext context) =>
        (await investments.CreateManyAsync(requestContext.Current, [request], lenient: false, single: true, context.CancellationToken))[0];

    [Access(AccessLevel.Read)]
    public override Task<Investment> GetInvestment(GetInvestmentRequest request, ServerCallContext context) =>
        investments.GetAsync(requestContext.Current, InvestmentNames.ParseId(request.Name), context.CancellationToken);

    [Access(AccessLevel.Read)]
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

    [Access(AccessLevel.Read)]
    public override Task<SummarizeInvestmentsResponse> SummarizeInvestments(SummarizeInvestmentsRequest request, ServerCallContext context) =>
        investments.SummarizeAsync(requestContext.Current, context.CancellationToken);

    [Access(AccessLevel.Write)]
    public override Task<Investment> UpdateInvestment(UpdateInvestmentRequest request, ServerCallContext context)
    {
        if (request.Investment is null) throw ApiErrors.InvalidArgument("investment", "is required");
        var investmentId = InvestmentNames.ParseId(request.Investment.Name, "investment.name");
        var validator = new RequestValidator();
        var paths = UpdateMasks.Resolve(request.UpdateMask, InvestmentValidation.UpdatableFields,
            request.Investment, validator);
        validator.ThrowIfInvalid();
        return investments.UpdateAsync(requestContext.Current, investmentId, request.Investment, paths, context.CancellationToken);
    }

    [Access(AccessLevel.Write)]
    public override async Task<Empty> DeleteInvestment(DeleteInvestmentRequest request, ServerCallContext context)
    {
        await investments.DeleteAsync(requestContext.Current, InvestmentNames.ParseId(request.Name), request.Etag, context.CancellationToken);
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
        if (request.Parent.StartsWith(InvestmentNames.Collection + "/", StringComparison.Ordinal))
            InvestmentNames.ParseId(request.Parent, "parent");
        else
            await budgets.GetRowAsync(who, BudgetNames.ParseId(request.Parent, "parent"), context.CancellationToken);
        var paging = PageRequest.Read(request.PageSize, request.PageToken, AuditLog.ListFingerprint(request.Parent));
        var page = await audit.ListAsync(who, request.Parent, paging, context.CancellationToken);
        return new ListAuditEventsResponse { AuditEvents = { page.Items }, NextPageToken = page.NextPageToken };
    }

    private static void CheckStage(BudgetRow budget, int year, Stage stage, RequestValidator validator)
    {
        if (validator.Check(stage != Stage.Unspecified, "stage", "is required (ASSESTATO, PREVISIONE or RENDICONTO)"))
            validator.Check(budget.Declares(year, stage), "year", $"{year} {stage} is not declared on {budget.ResourceName}");
    }

    private static string Level(LineData line, string level) => level switch
    {
        "titolo" => line.Titolo?.ToString() ?? "",
        "tipologia" => line.Tipologia ?? "",
        "categoria" => line.Categoria ?? "",
        "mission" => line.MissionCode ?? "",
        "programme" => line.ProgrammeCode ?? "",
        "macroaggregato" => line.Macroaggregato ?? "",
        _ => line.BalanceItem ?? "",
    };

    private static LineTotal Total(IReadOnlyList<string> keys, IReadOnlyList<(LineData Line, AmountData Amount)> rows)
    {
        static string Sum(IEnumerable<decimal?> values) =>
            values.Any(v => v.HasValue) ? Decimals.Format(values.Sum(v => v ?? 0), 2) : "";
        return new LineTotal
        {
            Keys = { keys },
            Appropriation = Decimals.Format(rows.Sum(r => r.Amount.Appropriation), 2),
            Cash = Sum(rows.Select(r => r.Amount.Cash)),
            Commitments = Sum(rows.Select(r => r.Amount.Commitments)),
            Payments = Sum(rows.Select(r => r.Amount.Payments)),
            Assessments = Sum(rows.Select(r => r.Amount.Assessments)),
            Collections = Sum(rows.Select(r => r.Amount.Collections)),
            LineCount = rows.Count,
        };
    }
}
