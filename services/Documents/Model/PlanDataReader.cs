namespace Platform.Documents.Model;

/// <summary>
/// Reads a plan's document data from the Objectives, Indicators and Finance services with the caller's identity
/// (the clients forward it), so a citizen gets what is published and nothing else.
/// </summary>
public sealed class PlanDataReader(
    ObjectivesService.ObjectivesServiceClient objectives,
    IndicatorsService.IndicatorsServiceClient indicators,
    FinanceService.FinanceServiceClient finance)
{
    private const int PageSize = 500;
    private const int Parallel = 8;

    /// <param name="snapshot">Objectives of a plan version to print instead of the current ones.</param>
    public async Task<PlanData> ReadAsync(PlanName plan, int year, string budget, IReadOnlyList<Objective>? snapshot,
        CancellationToken ct)
    {
        var planTask = objectives.GetPlanAsync(new GetPlanRequest { Name = plan.ToString() }, cancellationToken: ct).ResponseAsync;
        var treeTask = snapshot is null ? objectives.GetPlanTreeAsync(new GetPlanTreeRequest { Name = plan.ToString() }, cancellationToken: ct).ResponseAsync : null;
        var versionsTask = ListVersionsAsync(plan, ct);
        var thePlan = await planTask;
        if (year == 0) year = thePlan.StartYear;
        var all = snapshot ?? PlanTreeObjectives(await treeTask!);

        var unreadable = new List<string>();
        var indicatorsTask = IfReadableAsync<IReadOnlyList<IndicatorData>>(async () => await ReadIndicatorsAsync(all, ct), "gli indicatori di impatto", unreadable);
        var reportsTask = ReadLatestReportsAsync(all, ct);
        var scorecardTask = indicators.GetScorecardAsync(new GetScorecardRequest { Plan = plan.PlanId, Year = year }, cancellationToken: ct).ResponseAsync;
        var financeTask = IfReadableAsync(() => ReadFinanceAsync(thePlan, budget, ct), "le sezioni di bilancio (2.1.4, 2.1.6, 2.1.7)", unreadable);
        var versions = await versionsTask;
        return new PlanData(thePlan, EnteOf(thePlan), year, all, versions.LastOrDefault(), await indicatorsTask ?? [],
            await reportsTask, await scorecardTask, await financeTask, unreadable.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>A part the caller's role may not read (anonymous: lists and budgets) is left out and named, not an error.</summary>
    private static async Task<T?> IfReadableAsync<T>(Func<Task<T?>> read, string part, List<string> unreadable) where T : class
    {
        try
        {
            return await read();
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            lock (unreadable) unreadable.Add(part);
            return null;
        }
    }

    /// <summary>The ente's name as the plan's title ends ("... - Comune di Cremona"), else the plan title.</summary>
    private static string EnteOf(Plan plan) =>
        plan.Title.LastIndexOf(" - ", StringComparison.Ordinal) is var dash and > 0 ? plan.Title[(dash + 3)..] : plan.Title;

    private static List<Objective> PlanTreeObjectives(Platform.Objectives.V1.PlanTree tree)
    {
        var list = new List<Objective>();
        void Walk(IEnumerable<PlanTreeNode> nodes)
        {
            foreach (var node in nodes)
            {
                list.Add(node.Objective);
                Walk(node.Children);
            }
        }
        Walk(tree.Roots);
        return list;
    }

    public async Task<List<PlanVersion>> ListVersionsAsync(PlanName plan, CancellationToken ct)
    {
        var all = new List<PlanVersion>();
        var token = "";
        do
        {
            var page = await objectives.ListPlanVersionsAsync(new ListPlanVersionsRequest { Parent = plan.ToString(), PageSize = PageSize, PageToken = token }, cancellationToken: ct);
            all.AddRange(page.Versions);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }

    private async Task<IReadOnlyList<IndicatorData>> ReadIndicatorsAsync(IReadOnlyList<Objective> planObjectives, CancellationToken ct)
    {
        var names = planObjectives.Select(o => o.Name).ToHashSet();
        var mine = new List<Indicator>();
        var token = "";
        do
        {
            var page = await indicators.ListIndicatorsAsync(new ListIndicatorsRequest { PageSize = PageSize, PageToken = token }, cancellationToken: ct);
            mine.AddRange(page.Indicators.Where(i => i.Objectives.Any(names.Contains)));
            token = page.NextPageToken;
        } while (token.Length > 0);

        var series = new Dictionary<string, TimeSeries>();
        foreach (var batch in mine.Chunk(100))
        {
            var answer = await indicators.BatchGetTimeSeriesAsync(new BatchGetTimeSeriesRequest { Names = { batch.Select(i => i.Name) } }, cancellationToken: ct);
            foreach (var s in answer.Series) series[s.Indicator] = s;
        }
        return mine.Select(i => new IndicatorData(i, series.TryGetValue(i.Name, out var s) ? s.Periods : [])).ToList();
    }

    /// <summary>The latest report of each objective that has one (the tree says which: <c>latest_period</c>).</summary>
    private async Task<IReadOnlyDictionary<string, ProgressReport>> ReadLatestReportsAsync(IReadOnlyList<Objective> planObjectives, CancellationToken ct)
    {
        var reported = planObjectives.Where(o => o.LatestPeriod.Length > 0).ToList();
        var latest = new System.Collections.Concurrent.ConcurrentDictionary<string, ProgressReport>();
        await System.Threading.Tasks.Parallel.ForEachAsync(reported, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct }, async (objective, token) =>
        {
            var reports = await objectives.ListProgressReportsAsync(new ListProgressReportsRequest { Parent = objective.Name, PageSize = PageSize }, cancellationToken: token);
            if (reports.Reports.Count > 0) latest[objective.Name] = reports.Reports[^1];
        });
        return latest;
    }

    private async Task<FinanceData?> ReadFinanceAsync(Plan plan, string budgetName, CancellationToken ct)
    {
        Budget? budget;
        if (budgetName.Length > 0)
            budget = await finance.GetBudgetAsync(new GetBudgetRequest { Name = budgetName }, cancellationToken: ct);
        else
        {
            var budgets = await finance.ListBudgetsAsync(new ListBudgetsRequest { PageSize = PageSize }, cancellationToken: ct);
            budget = budgets.Budgets.Where(b => b.FirstYear == plan.StartYear).MaxBy(b => b.State);
        }
        if (budget is null) return null;

        var balances = await Task.WhenAll(budget.Stages.OrderBy(s => s.Year).Select(s =>
            finance.GetBudgetBalancesAsync(new GetBudgetBalancesRequest { Name = budget.Name, Year = s.Year, Stage = s.Stage }, cancellationToken: ct).ResponseAsync));
        DebtSchedule? debt = null;
        try
        {
            debt = await finance.GetDebtScheduleAsync(new GetDebtScheduleRequest { Name = budget.Name + "/debtSchedule" }, cancellationToken: ct);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // A budget without a debt schedule prints no 2.1.4 table.
        }
        var investments = new List<Investment>();
        var token = "";
        do
        {
            var page = await finance.ListInvestmentsAsync(new ListInvestmentsRequest { PageSize = PageSize, PageToken = token }, cancellationToken: ct);
            investments.AddRange(page.Investments);
            token = page.NextPageToken;
        } while (token.Length > 0);
        var totals = await finance.SummarizeInvestmentsAsync(new SummarizeInvestmentsRequest(), cancellationToken: ct);
        return new FinanceData(budget, balances, debt is { Years.Count: > 0 } ? debt : null, investments, totals);
    }
}
