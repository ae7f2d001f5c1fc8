namespace Platform.Finance.Debt;

/// <summary>One year of the debt schedule as stored.</summary>
public sealed record DebtYearRow(int Year, decimal OpeningDebt, decimal NewLoans, decimal Repayments,
    decimal EarlyRepayments, decimal OtherChanges, decimal? DeclaredClosing, long Inhabitants)
{
    /// <summary>Totale fine anno = residuo + nuovi prestiti − rimborsati − estinzioni anticipate + altre variazioni.</summary>
    public decimal Closing => OpeningDebt + NewLoans - Repayments - EarlyRepayments + OtherChanges;

    /// <summary>Debito medio per abitante = totale fine anno / abitanti, 2 decimals half-up; null without inhabitants.</summary>
    public decimal? PerInhabitant => Inhabitants > 0 ? Decimals.RoundHalfUp(Closing / Inhabitants, 2) : null;
}

/// <summary>Rolls the schedule forward and checks it against itself and against the budget's titolo 4 spending.</summary>
public static class DebtCalculator
{
    /// <param name="repaymentsInBudget">Spending titolo 4 (rimborso prestiti) per year, where the budget has it.</param>
    public static DebtSchedule Compute(string name, IReadOnlyList<DebtYearRow> years,
        IReadOnlyDictionary<int, (Stage Stage, decimal Amount)> repaymentsInBudget)
    {
        var schedule = new DebtSchedule { Name = name };
        DebtYearRow? previous = null;
        foreach (var y in years.OrderBy(y => y.Year))
        {
            var proto = new DebtYear
            {
                Year = y.Year,
                OpeningDebt = Money(y.OpeningDebt),
                NewLoans = Money(y.NewLoans),
                Repayments = Money(y.Repayments),
                EarlyRepayments = Money(y.EarlyRepayments),
                OtherChanges = Money(y.OtherChanges),
                ClosingDebt = Money(y.Closing),
                Inhabitants = y.Inhabitants,
                DebtPerInhabitant = y.PerInhabitant is { } per ? Money(per) : "",
                DeclaredClosingDebt = y.DeclaredClosing is { } declared ? Money(declared) : "",
            };
            schedule.Years.Add(proto);

            if (y.DeclaredClosing is { } printed && printed != y.Closing)
                schedule.Issues.Add(Issue(y.Year, "CLOSING_MISMATCH", y.Closing, printed,
                    $"{y.Year}: the schedule does not close: residuo + nuovi − rimborsati − estinzioni + variazioni = {Money(y.Closing)}, printed {Money(printed)}"));
            if (previous is not null && previous.Year == y.Year - 1 && previous.Closing != y.OpeningDebt)
                schedule.Issues.Add(Issue(y.Year, "OPENING_MISMATCH", previous.Closing, y.OpeningDebt,
                    $"{y.Year}: opening debt {Money(y.OpeningDebt)} is not the closing debt of {previous.Year} ({Money(previous.Closing)})"));
            if (repaymentsInBudget.TryGetValue(y.Year, out var budget) && budget.Amount != y.Repayments)
                schedule.Issues.Add(Issue(y.Year, "REPAYMENT_MISMATCH", budget.Amount, y.Repayments,
                    $"{y.Year}: repayments in the schedule {Money(y.Repayments)} differ from titolo 4 spending ({budget.Stage}) {Money(budget.Amount)} by {Money(y.Repayments - budget.Amount)}"));
            previous = y;
        }
        return schedule;
    }

    private static DebtIssue Issue(int year, string kind, decimal expected, decimal actual, string message) => new()
    {
        Year = year, Kind = kind, Expected = Money(expected), Actual = Money(actual),
        Difference = Money(actual - expected), Message = message,
    };

    private static string Money(decimal value) => Decimals.Format(value, 2);
}
