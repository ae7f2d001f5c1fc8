namespace Platform.Web.Api;

// The Finance service's REST shapes this app reads (see Contracts.cs for the conventions).

public sealed record BudgetStage(int Year = 0, string Stage = "");

public sealed record Budget(string Name = "", string Title = "", int FirstYear = 0, int LastYear = 0,
    List<BudgetStage>? Stages = null, string State = "")
{
    public string Id => Name.Split('/').Last();
}

public sealed record BudgetList(List<Budget>? Budgets = null);

public sealed record LineTotal(List<string>? Keys = null, string Appropriation = "", string Cash = "", int LineCount = 0);

public sealed record LineSummary(List<LineTotal>? Totals = null, LineTotal? GrandTotal = null);

public sealed record BalanceRow(string Key = "", string Label = "", string Amount = "", string Role = "");

public sealed record BalanceTable(string Part = "", List<BalanceRow>? Rows = null, string Equilibrium = "",
    bool Balanced = false, string Failure = "");

public sealed record BudgetBalances(int Year = 0, string Stage = "", BalanceTable? Current = null,
    BalanceTable? Capital = null, bool Balanced = false);

public sealed record DebtYear(int Year = 0, string OpeningDebt = "", string NewLoans = "", string Repayments = "",
    string EarlyRepayments = "", string OtherChanges = "", string ClosingDebt = "", long Inhabitants = 0,
    string DebtPerInhabitant = "");

public sealed record DebtIssue(int Year = 0, string Kind = "", string Expected = "", string Actual = "", string Difference = "",
    string Message = "");

public sealed record DebtSchedule(List<DebtYear>? Years = null, List<DebtIssue>? Issues = null);

public sealed record FinancialIndicator(string Key = "", string Label = "", string Formula = "", string Numerator = "",
    string Denominator = "", string Value = "", string Unit = "", string Note = "");

public sealed record FinancialIndicators(int Year = 0, string Stage = "", long Inhabitants = 0,
    List<FinancialIndicator>? Indicators = null);

public sealed record Investment(string Name = "", string Cup = "", string Title = "", string PnrrMeasure = "",
    string PnrrMission = "", string PnrrComponent = "", string TotalCost = "", string Start = "", string End = "",
    string FundingBody = "", string Sector = "", string State = "", List<string>? Objectives = null,
    List<string>? Flags = null, string TotalPnrrContribution = "", string TotalCofinancing = "")
{
    public string Id => Name.Split('/').Last();
}

public sealed record InvestmentList(List<Investment>? Investments = null, string NextPageToken = "");

public sealed record InvestmentTotal(string PnrrMission = "", string PnrrComponent = "", string TotalCost = "",
    string PnrrContribution = "", string Cofinancing = "", int Count = 0);

public sealed record InvestmentSummary(List<InvestmentTotal>? Missions = null, List<InvestmentTotal>? Components = null,
    InvestmentTotal? GrandTotal = null);

public sealed record LineAmount(int Year = 0, string Stage = "", string Appropriation = "");

public sealed record ProgrammeFunding(string ProgrammeCode = "", string MissionCode = "", string ProgrammeName = "",
    string MissionName = "", List<LineAmount>? Amounts = null, int ObjectiveCount = 0);

public sealed record ObjectiveFunding(string Budget = "", List<ProgrammeFunding>? Programmes = null,
    List<Investment>? Investments = null);
