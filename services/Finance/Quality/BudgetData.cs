using Platform.Finance.Debt;

namespace Platform.Finance.Quality;

/// <summary>The balance tables of one declared year and stage of a budget.</summary>
public sealed record StageBalances(int Year, Stage Stage, BalanceTable Current, BalanceTable Capital);

/// <summary>What the budget rules read: the balances of every declared column and the debt schedule checked against the budget.</summary>
public sealed record BudgetData(string BudgetName, IReadOnlyList<StageBalances> Balances, IReadOnlyList<DebtYearRow> DebtYears,
    DebtSchedule Debt)
{
    public string DebtName => BudgetName + "/debtSchedule";
}

/// <summary>What the investment rules read: every investment of the ente.</summary>
public sealed record InvestmentData(IReadOnlyList<Investment> Investments);
