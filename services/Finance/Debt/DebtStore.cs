using System.Data.Common;
using Platform.Finance.Budgets;
using Platform.Finance.Lines;

namespace Platform.Finance.Debt;

/// <summary>The debt schedule (andamento del debito, DUP 2.1.4) of a budget.</summary>
public sealed class DebtStore(Database database, BudgetStore budgets, LineStore lines, AuditLog audit)
{
    /// <summary>The schedule may start a few years before the budget (the DUP shows the last closed years).</summary>
    public const int YearsBefore = 5;

    public static string Name(string budgetId) => BudgetName.Format(budgetId) + "/debtSchedule";

    public async Task<DebtSchedule> ReplaceAsync(RequestIdentity who, string budgetId, DebtSchedule schedule, string? etag, CancellationToken ct)
    {
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var budget = await budgets.LoadForWriteAsync(connection, transaction, who, budgetId, etag, ct);
            var years = Parse(schedule, budget);
            return await ReplaceAsync(connection, transaction, who, budget, years, ct);
        }, ct);
    }

    /// <summary>Replaces the schedule with checked <paramref name="years"/> inside the caller's transaction (the API's and the import's write).</summary>
    public async Task<DebtSchedule> ReplaceAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, BudgetRow budget,
        IReadOnlyList<DebtYearRow> years, CancellationToken ct)
    {
        var budgetId = budget.BudgetId;
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM debt_years WHERE tenant_id = @TenantId AND budget_id = @BudgetId", new { who.TenantId, BudgetId = budgetId },
            transaction, cancellationToken: ct));
        await connection.ExecuteAsync(transaction, database.Dialect, "debt_years",
            ["tenant_id", "budget_id", "year", "opening_debt", "new_loans", "repayments", "early_repayments", "other_changes",
             "declared_closing", "inhabitants"], years, y =>
            [who.TenantId, budgetId, y.Year, y.OpeningDebt, y.NewLoans, y.Repayments, y.EarlyRepayments, y.OtherChanges,
             y.DeclaredClosing, y.Inhabitants], ct);
        await budgets.BumpVersionAsync(connection, transaction, who, budget, ct);
        await audit.WriteAsync(connection, transaction, who, Name(budgetId), "replace",
            [new FieldChange("years", null, string.Join(",", years.Select(y => y.Year)))], ct);
        var ledger = await lines.LedgerAsync(connection, transaction, who, budgetId, ct);
        return DebtCalculator.Compute(Name(budgetId), years, RepaymentsInBudget(budget, ledger));
    }

    public async Task<DebtSchedule> GetAsync(RequestIdentity who, string budgetId, CancellationToken ct)
    {
        var budget = await budgets.GetRowAsync(who, budgetId, ct);
        var years = await YearsAsync(who, budgetId, ct);
        var ledger = await lines.LedgerAsync(who, budgetId, ct);
        return DebtCalculator.Compute(Name(budgetId), years, RepaymentsInBudget(budget, ledger));
    }

    public async Task<IReadOnlyList<DebtYearRow>> YearsAsync(RequestIdentity who, string budgetId, CancellationToken ct) =>
        (await database.QueryAsync<DebtRow>("""
            SELECT year, opening_debt AS OpeningDebt, new_loans AS NewLoans, repayments, early_repayments AS EarlyRepayments,
                   other_changes AS OtherChanges, declared_closing AS DeclaredClosing, inhabitants
            FROM debt_years WHERE tenant_id = @TenantId AND budget_id = @BudgetId ORDER BY year
            """, new { who.TenantId, BudgetId = budgetId }, ct))
        .Select(r => new DebtYearRow(r.Year, r.OpeningDebt, r.NewLoans, r.Repayments, r.EarlyRepayments, r.OtherChanges,
            r.DeclaredClosing, r.Inhabitants)).ToList();

    /// <summary>
    /// Titolo 4 spending (rimborso prestiti) per year, at the most advanced declared stage that has it:
    /// rendiconto, then assestato, then previsione.
    /// </summary>
    public static IReadOnlyDictionary<int, (Stage Stage, decimal Amount)> RepaymentsInBudget(BudgetRow budget, Ledger ledger)
    {
        var result = new Dictionary<int, (Stage, decimal)>();
        foreach (var year in budget.Stages.Select(s => s.Year).Distinct())
            foreach (var stage in new[] { Stage.Rendiconto, Stage.Assestato, Stage.Previsione })
            {
                var rows = ledger.At(year, stage).Where(r => r.Line.KindValue == BudgetLine.Types.Kind.Spending && r.Line.Titolo == 4).ToList();
                if (rows.Count == 0) continue;
                result[year] = (stage, rows.Sum(r => r.Amount.Appropriation));
                break;
            }
        return result;
    }

    private static List<DebtYearRow> Parse(DebtSchedule? schedule, BudgetRow budget)
    {
        var validator = new RequestValidator();
        var years = new List<DebtYearRow>();
        if (!validator.Check(schedule is not null, "schedule", "is required")) validator.ThrowIfInvalid();
        var seen = new HashSet<int>();
        for (var i = 0; i < schedule!.Years.Count; i++)
        {
            var at = $"schedule.years[{i}]";
            if (ParseYear(schedule.Years[i], budget, validator, at) is { } year)
            {
                if (validator.Check(seen.Add(year.Year), at + ".year", $"{year.Year} appears twice")) years.Add(year);
            }
        }
        validator.ThrowIfInvalid();
        return years;
    }

    /// <summary>One year of the schedule, checked; null (with violations under <paramref name="at"/>) when it is not valid.</summary>
    public static DebtYearRow? ParseYear(DebtYear y, BudgetRow budget, RequestValidator validator, string at)
    {
        var ok = validator.Range(y.Year, budget.FirstYear - YearsBefore, budget.LastYear, at + ".year");
        ok &= Amount(y.OpeningDebt, at + ".opening_debt", validator, false, out var opening);
        ok &= Amount(y.NewLoans, at + ".new_loans", validator, false, out var loans);
        ok &= Amount(y.Repayments, at + ".repayments", validator, false, out var repayments);
        ok &= Amount(y.EarlyRepayments, at + ".early_repayments", validator, false, out var early);
        ok &= Amount(y.OtherChanges, at + ".other_changes", validator, true, out var other);
        decimal? declared = null;
        if (y.ClosingDebt.Length > 0)
        {
            ok &= Amount(y.ClosingDebt, at + ".closing_debt", validator, false, out var closing);
            declared = closing;
        }
        ok &= validator.Check(y.Inhabitants >= 0, at + ".inhabitants", "must not be negative");
        return ok ? new DebtYearRow(y.Year, opening, loans, repayments, early, other, declared, y.Inhabitants) : null;
    }

    /// <summary>Empty means 0.00; at most 2 decimals; negative only where allowed (altre variazioni).</summary>
    private static bool Amount(string text, string field, RequestValidator validator, bool signed, out decimal value)
    {
        var ok = Decimals.TryParseMoney(text, field, validator, required: false, allowNegative: signed, out var parsed);
        value = parsed ?? 0;
        return ok;
    }

    private sealed record DebtRow
    {
        public int Year { get; init; }
        public decimal OpeningDebt { get; init; }
        public decimal NewLoans { get; init; }
        public decimal Repayments { get; init; }
        public decimal EarlyRepayments { get; init; }
        public decimal OtherChanges { get; init; }
        public decimal? DeclaredClosing { get; init; }
        public long Inhabitants { get; init; }
    }
}
