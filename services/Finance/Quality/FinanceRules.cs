using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>The rules of the budget and investment reports.</summary>
public static class FinanceRules
{
    public static IReadOnlyList<QualityRule<BudgetData>> Budget { get; } =
    [
        new BalanceNotZero(),
        new DebtRollForward(),
        new DebtRepaymentMismatch(),
        new StalePopulation(),
    ];

    public static IReadOnlyList<QualityRule<InvestmentData>> Investments { get; } =
    [
        new CupMalformed(),
        new MeasureMalformed(),
        new ContributionAboveCost(),
        new CostDiffersBetweenLists(),
        new InvestmentTitleCutShort(),
    ];

    public static QualityCatalog Catalog() =>
        new(Budget.Cast<IQualityRule>().Concat(Investments), "budgets/", "investments/");
}
