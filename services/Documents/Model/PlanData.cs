namespace Platform.Documents.Model;

/// <summary>
/// Everything a document of a plan prints, as the services answered it: the plan and its objectives (current or of
/// a version), the indicators with their periods (achievement and status computed by Indicators), the latest progress
/// report of each objective, the scorecard of the year and the budget's tables. No value is computed here.
/// <c>Unreadable</c> names the parts the caller may not read (a citizen reads the published plan, not the budget).
/// </summary>
public sealed record PlanData(
    Plan Plan,
    string Ente,
    int Year,
    IReadOnlyList<Objective> Objectives,
    PlanVersion? Approval,
    IReadOnlyList<IndicatorData> Indicators,
    IReadOnlyDictionary<string, ProgressReport> LatestReports,
    Scorecard? Scorecard,
    FinanceData? Finance,
    IReadOnlyList<string> Unreadable)
{
    private ILookup<string, Objective>? _children;
    private ILookup<string, IndicatorData>? _byObjective;

    /// <summary>Objectives directly under <paramref name="parent"/> (empty: the top level), in code order.</summary>
    public IEnumerable<Objective> Children(string parent) =>
        (_children ??= Objectives.ToLookup(o => o.Parent))[parent];

    public IEnumerable<Objective> AtDepth(int depth) => Objectives.Where(o => o.Depth == depth);

    /// <summary>Indicators that measure the objective.</summary>
    public IEnumerable<IndicatorData> IndicatorsOf(Objective objective) =>
        (_byObjective ??= Indicators.SelectMany(i => i.Indicator.Objectives.Select(o => (o, i))).ToLookup(p => p.o, p => p.i))[objective.Name];
}

public sealed record IndicatorData(Indicator Indicator, IReadOnlyList<Period> Periods)
{
    /// <summary>Yearly periods (`2021`), oldest first.</summary>
    public IEnumerable<Period> Years => Periods.Where(p => PeriodId(p).Length == 4).OrderBy(PeriodId, StringComparer.Ordinal);

    public static string PeriodId(Period period) => period.Name[(period.Name.LastIndexOf('/') + 1)..];
}

/// <summary>The budget's DUP tables: balances of each declared (year, stage), the debt schedule, the investments.</summary>
public sealed record FinanceData(
    Budget Budget,
    IReadOnlyList<BudgetBalances> Balances,
    DebtSchedule? Debt,
    IReadOnlyList<Investment> Investments,
    SummarizeInvestmentsResponse InvestmentTotals);
