using Platform.Finance.Budgets;
using static Platform.Finance.Files.FileCells;
using Platform.ServiceDefaults.Imports;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using static Platform.Spreadsheets.Schema.ColumnDefinition;

namespace Platform.Finance.Debt;

/// <summary>
/// The debt schedule file (kind <c>debt-schedule</c>, DUP 2.1.4): one row per year. Each row is checked with
/// UpdateDebtSchedule's rules for a year; the file then replaces the budget's whole schedule, as that RPC does.
/// </summary>
public static class DebtFile
{
    public const string Kind = "debt-schedule";

    public static readonly TableSchema Schema = new(
        RequiredColumn("year", ColumnKind.Integer, "Anno", "Year", "Esercizio"),
        OptionalColumn("opening_debt", ColumnKind.Money, "Residuo debito", "Opening debt", "Residuo debito (+)", "Debito iniziale"),
        OptionalColumn("new_loans", ColumnKind.Money, "Nuovi prestiti", "New loans", "Nuovi prestiti (+)"),
        OptionalColumn("repayments", ColumnKind.Money, "Prestiti rimborsati", "Repayments", "Prestiti rimborsati (-)"),
        OptionalColumn("early_repayments", ColumnKind.Money, "Estinzioni anticipate", "Early repayments", "Estinzioni anticipate (-)"),
        OptionalColumn("other_changes", ColumnKind.Money, "Altre variazioni", "Other changes", "Altre variazioni +/-"),
        OptionalColumn("closing_debt", ColumnKind.Money, "Totale fine anno", "Closing debt", "Debito a fine anno"),
        OptionalColumn("inhabitants", ColumnKind.Integer, "Abitanti", "Inhabitants", "Nr. Abitanti al 31/12", "Popolazione"));

    public static ImportKind<DebtYear> For(string budgetId, RequestIdentity who, BudgetStore budgets, DebtStore debt)
    {
        BudgetRow? budget = null; // read once per import: every row is written in the same transaction
        var checkedYears = new List<DebtYearRow>();
        return new ImportKind<DebtYear>(Kind, Schema, ["year"],
            Read: Read,
            Write: async (connection, transaction, year, ct) =>
            {
                budget ??= await budgets.LoadForWriteAsync(connection, transaction, who, budgetId, null, ct);
                var validator = new RequestValidator();
                var row = DebtStore.ParseYear(year, budget, validator, "year");
                validator.ThrowIfInvalid();
                checkedYears.Add(row!);
            },
            ColumnOfField: field => field == "year.year" ? "year" : field.StartsWith("year.", StringComparison.Ordinal) ? field["year.".Length..] : null)
        {
            // The schedule is one resource: written once, with every year of the file.
            BatchSize = int.MaxValue,
            WriteBatch = async (connection, transaction, _, ct) =>
            {
                await debt.ReplaceAsync(connection, transaction, who, budget!, checkedYears.OrderBy(y => y.Year).ToList(), ct);
                return [];
            },
        };
    }

    public static DebtYear Read(ImportRow row) => new()
    {
        Year = (int)(row.Integer("year") ?? 0),
        OpeningDebt = Money(row, "opening_debt"),
        NewLoans = Money(row, "new_loans"),
        Repayments = Money(row, "repayments"),
        EarlyRepayments = Money(row, "early_repayments"),
        OtherChanges = Money(row, "other_changes"),
        ClosingDebt = Money(row, "closing_debt"),
        Inhabitants = row.Integer("inhabitants") ?? 0,
    };

    /// <summary>The cells of one year as stored (the declared closing debt, not the computed one), in <see cref="Schema"/>'s order.</summary>
    public static IReadOnlyList<object?> Cells(DebtYearRow y) =>
    [
        (long)y.Year, y.OpeningDebt, y.NewLoans, y.Repayments, y.EarlyRepayments, y.OtherChanges, y.DeclaredClosing, y.Inhabitants,
    ];
}
