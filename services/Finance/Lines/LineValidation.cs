using System.Text.RegularExpressions;
using Platform.Finance.Budgets;
using Platform.Reference;

namespace Platform.Finance.Lines;

/// <summary>Checks a batch of lines against the national classification and the budget's declared stages.</summary>
public static partial class LineValidation
{
    public const int MaxBatch = 2000;

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex ThreeDigits();

    [GeneratedRegex(@"^\d{7}$")]
    private static partial Regex SevenDigits();

    /// <summary>Shape checks that need no budget: ids, kinds, classification.</summary>
    public static void ValidateShape(BatchUpsertBudgetLinesRequest request, RequestValidator validator)
    {
        validator.Check(request.Entries.Count > 0, "entries", "must contain at least one line");
        validator.Check(request.Entries.Count <= MaxBatch, "entries", $"must contain at most {MaxBatch} lines");
        var ids = new HashSet<string>();
        for (var i = 0; i < request.Entries.Count; i++)
        {
            var entry = request.Entries[i];
            var at = $"entries[{i}]";
            if (ResourceNames.CheckId(validator, entry.LineId, at + ".line_id"))
                validator.Check(ids.Add(entry.LineId), at + ".line_id", $"'{entry.LineId}' appears twice in the batch");
            if (validator.Check(entry.Line is not null, at + ".line", "is required"))
                ValidateClassification(entry.Line!, validator, at + ".line");
        }
    }

    /// <summary>
    /// Classification checks of one line. Paths and messages are built only for a violation: the import checks
    /// every row of a file with this, and a valid row should cost no strings.
    /// </summary>
    public static void ValidateClassification(BudgetLine line, RequestValidator validator, string at)
    {
        var national = BudgetClassification.National;
        if (line.Description.Length > 500) validator.MaxLength(line.Description, 500, at + ".description");
        switch (line.Kind)
        {
            case BudgetLine.Types.Kind.Revenue:
                if (national.RevenueTitles.ContainsKey(line.Titolo))
                {
                    var tipologiaOk = line.Tipologia.Length == 0 || (ThreeDigits().IsMatch(line.Tipologia) && line.Tipologia[0] - '0' == line.Titolo);
                    if (!tipologiaOk)
                        validator.Add(at + ".tipologia", $"must be 3 digits starting with the titolo ({line.Titolo}01), not '{line.Tipologia}'");
                    if (line.Categoria.Length > 0 && !(tipologiaOk && line.Tipologia.Length > 0 && SevenDigits().IsMatch(line.Categoria)
                            && line.Categoria.StartsWith(line.Tipologia, StringComparison.Ordinal)))
                        validator.Add(at + ".categoria", "must be 7 digits starting with the tipologia, which it needs");
                }
                else validator.Add(at + ".titolo", $"must be a revenue titolo ({string.Join(", ", national.RevenueTitles.Keys)})");
                NotFor(line.MissionCode, "mission_code", "revenue", validator, at);
                NotFor(line.ProgrammeCode, "programme_code", "revenue", validator, at);
                NotFor(line.Macroaggregato, "macroaggregato", "revenue", validator, at);
                if (line.BalanceItem != BalanceItem.Unspecified) validator.Add(at + ".balance_item", "is only for BALANCE lines");
                break;
            case BudgetLine.Types.Kind.Spending:
                line.MissionCode = BudgetClassification.NormaliseMission(line.MissionCode);
                line.ProgrammeCode = BudgetClassification.NormaliseProgramme(line.ProgrammeCode);
                var titoloOk = national.SpendingTitles.ContainsKey(line.Titolo);
                if (!titoloOk) validator.Add(at + ".titolo", $"must be a spending titolo ({string.Join(", ", national.SpendingTitles.Keys)})");
                var missionOk = line.MissionCode.Length == 0 || national.IsMission(line.MissionCode);
                if (!missionOk)
                    validator.Add(at + ".mission_code", $"'{line.MissionCode}' is not a mission of the national classification (a number such as 9 or 09)");
                if (line.ProgrammeCode.Length > 0)
                {
                    if (!national.IsProgramme(line.ProgrammeCode))
                        validator.Add(at + ".programme_code",
                            $"'{line.ProgrammeCode}' is not a programme of the national classification (mission.programme such as 9.03, 09.03 or 0903)");
                    else if (line.MissionCode.Length == 0) validator.Add(at + ".mission_code", "is required with a programme");
                    else if (missionOk && !national.ProgrammeBelongsTo(line.ProgrammeCode, line.MissionCode))
                        validator.Add(at + ".programme_code", $"programme {line.ProgrammeCode} does not belong to mission {line.MissionCode}");
                }
                if (line.Macroaggregato.Length > 0 && titoloOk
                    && !(ThreeDigits().IsMatch(line.Macroaggregato) && line.Macroaggregato[0] - '0' == line.Titolo))
                    validator.Add(at + ".macroaggregato", $"must be 3 digits starting with the titolo ({line.Titolo}01), not '{line.Macroaggregato}'");
                NotFor(line.Tipologia, "tipologia", "spending", validator, at);
                NotFor(line.Categoria, "categoria", "spending", validator, at);
                if (line.BalanceItem != BalanceItem.Unspecified) validator.Add(at + ".balance_item", "is only for BALANCE lines");
                break;
            case BudgetLine.Types.Kind.Balance:
                if (line.BalanceItem == BalanceItem.Unspecified) validator.Add(at + ".balance_item", "is required for BALANCE lines");
                if (!(line.Titolo == 0 && line.MissionCode.Length == 0 && line.ProgrammeCode.Length == 0
                    && line.Tipologia.Length == 0 && line.Categoria.Length == 0 && line.Macroaggregato.Length == 0))
                    validator.Add(at + ".kind", "BALANCE lines carry no titolo or classification codes");
                break;
            default:
                validator.Add(at + ".kind", "is required (REVENUE, SPENDING or BALANCE)");
                break;
        }
    }

    private static void NotFor(string value, string field, string kind, RequestValidator validator, string at)
    {
        if (value.Length > 0) validator.Add($"{at}.{field}", $"is not used on {kind} lines");
    }

    /// <summary>Parses the amounts of a line; every (year, stage) must be declared on the budget.</summary>
    public static List<AmountRow> ParseAmounts(string lineId, BudgetLine line, BudgetRow budget, RequestValidator validator, string at)
    {
        var amounts = new List<AmountRow>();
        if (!validator.Check(line.Amounts.Count > 0, at + ".amounts", "must contain at least one year and stage")) return amounts;
        var seen = new HashSet<(int, Stage)>();
        for (var j = 0; j < line.Amounts.Count; j++)
        {
            var amount = line.Amounts[j];
            var here = $"{at}.amounts[{j}]";
            var stageOk = validator.Check(budget.Declares(amount.Year, amount.Stage), here + ".stage",
                $"{amount.Year} {amount.Stage} is not declared on {budget.ResourceName}");
            if (stageOk) validator.Check(seen.Add((amount.Year, amount.Stage)), here, $"{amount.Year} {amount.Stage} appears twice");
            var ok = Money(amount.Appropriation, here + ".appropriation", validator, required: true, out var appropriation);
            ok &= Money(amount.Cash, here + ".cash", validator, false, out var cash);
            ok &= Money(amount.Commitments, here + ".commitments", validator, false, out var commitments);
            ok &= Money(amount.Payments, here + ".payments", validator, false, out var payments);
            ok &= Money(amount.Assessments, here + ".assessments", validator, false, out var assessments);
            ok &= Money(amount.Collections, here + ".collections", validator, false, out var collections);
            if (line.Kind == BudgetLine.Types.Kind.Revenue)
                validator.Check(amount.Commitments.Length == 0 && amount.Payments.Length == 0, here,
                    "commitments and payments are spending amounts");
            if (line.Kind == BudgetLine.Types.Kind.Spending)
                validator.Check(amount.Assessments.Length == 0 && amount.Collections.Length == 0, here,
                    "assessments and collections are revenue amounts");
            if (ok && stageOk)
                amounts.Add(new AmountRow
                {
                    LineId = lineId, Year = amount.Year, Stage = amount.Stage.ToString(), Appropriation = appropriation!.Value,
                    Cash = cash, Commitments = commitments, Payments = payments, Assessments = assessments, Collections = collections,
                });
        }
        return amounts;
    }

    /// <summary>A non-negative amount with at most 2 decimals; empty means absent unless required.</summary>
    public static bool Money(string text, string field, RequestValidator validator, bool required, out decimal? value) =>
        Decimals.TryParseMoney(text, field, validator, required, allowNegative: false, out value);
}
