using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Finance.Quality;

/// <summary>A debt schedule that does not roll forward: a printed closing debt or an opening debt that the sums contradict.</summary>
public sealed class DebtRollForward() : QualityRule<BudgetData>("debt.roll_forward", Severity.Error,
    "Andamento del debito che non quadra da un anno all'altro", "Debt schedule that does not roll forward")
{
    public override IEnumerable<RuleHit> Check(BudgetData budget) =>
        from issue in budget.Debt.Issues
        where issue.Kind is "CLOSING_MISMATCH" or "OPENING_MISMATCH"
        let closing = issue.Kind == "CLOSING_MISMATCH"
        select new RuleHit(budget.DebtName, $"years[{issue.Year}].{(closing ? "closing_debt" : "opening_debt")}",
            closing
                ? $"Il debito a fine {issue.Year} stampato ({Money(issue.Actual)}) non è residuo + nuovi prestiti − rimborsi − estinzioni + variazioni ({Money(issue.Expected)})."
                : $"Il debito residuo a inizio {issue.Year} ({Money(issue.Actual)}) non è il debito a fine {issue.Year - 1} ({Money(issue.Expected)}).",
            issue.Message);

    public static string Money(string amount) =>
        ItalianFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
}
