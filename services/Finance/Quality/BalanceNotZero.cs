using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>A current or capital balance (DUP 2.1.7) that is not zero in a declared year and stage.</summary>
public sealed class BalanceNotZero() : QualityRule<BudgetData>("budget.balance_not_zero", Severity.Error,
    "Equilibrio di bilancio diverso da zero", "Budget balance that is not zero")
{
    public override IEnumerable<RuleHit> Check(BudgetData budget) =>
        from column in budget.Balances
        from table in new[] { column.Current, column.Capital }
        where !table.Balanced
        let amount = decimal.Parse(table.Equilibrium, System.Globalization.CultureInfo.InvariantCulture)
        select new RuleHit(budget.BudgetName, $"balances[{column.Year}/{column.Stage.ToString().ToUpperInvariant()}].{table.Part}",
            $"L'equilibrio di parte {table.Part} {column.Year} ({column.Stage}) è {ItalianFormat.Money(amount)} invece di zero.",
            $"The {table.Part} balance of {column.Year} ({column.Stage}) is {table.Equilibrium} instead of zero.");
}
