using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>Repayments of the debt schedule that differ from the budget's spending title 4 (the DUP's 2024-2025).</summary>
public sealed class DebtRepaymentMismatch() : QualityRule<BudgetData>("debt.repayment_mismatch", Severity.Error,
    "Rimborso prestiti diverso tra andamento del debito e bilancio (titolo 4 della spesa)",
    "Debt repayments that differ from the budget's spending title 4")
{
    public override IEnumerable<RuleHit> Check(BudgetData budget) =>
        from issue in budget.Debt.Issues
        where issue.Kind == "REPAYMENT_MISMATCH"
        select new RuleHit(budget.DebtName, $"years[{issue.Year}].repayments",
            $"Nel {issue.Year} l'andamento del debito rimborsa {DebtRollForward.Money(issue.Actual)}, il bilancio (titolo 4 della spesa) {DebtRollForward.Money(issue.Expected)}.",
            issue.Message);
}
