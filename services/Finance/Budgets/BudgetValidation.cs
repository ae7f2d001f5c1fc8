using Platform.Finance.Balances;
using Platform.Finance.Lines;

namespace Platform.Finance.Budgets;

/// <summary>The rules of budgets: their shape, their stages and the gate to approval.</summary>
public static class BudgetValidation
{
    /// <summary>A bilancio di previsione spans three years; allow longer multi-year frames, not decades.</summary>
    public const int MaxSpanYears = 10;

    public static readonly IReadOnlySet<string> UpdatableFields = new HashSet<string> { "title", "stages" };

    public static void ValidateCreate(CreateBudgetRequest request)
    {
        var validator = new RequestValidator();
        ResourceNames.CheckId(validator, request.BudgetId, "budget_id");
        if (validator.Check(request.Budget is not null, "budget", "is required"))
        {
            var budget = request.Budget!;
            validator.Text(budget.Title, "budget.title", 300);
            if (validator.YearSpan(budget.FirstYear, budget.LastYear, "budget.first_year", "budget.last_year"))
            {
                if (validator.Check(budget.LastYear - budget.FirstYear <= MaxSpanYears, "budget.last_year",
                    $"must be at most {MaxSpanYears} years after first_year"))
                    ValidateStages(budget.Stages, budget.FirstYear, budget.LastYear, validator, "budget.stages");
            }
        }
        validator.ThrowIfInvalid();
    }

    /// <summary>
    /// Stages belong to years from <c>first_year - 1</c> (the reference column a DUP prints, e.g. Assestato
    /// 2022 beside Previsione 2023-2025) to <c>last_year</c>; each (year, stage) once.
    /// </summary>
    public static void ValidateStages(IEnumerable<BudgetStage> stages, int firstYear, int lastYear,
        RequestValidator validator, string field)
    {
        var seen = new HashSet<(int, Stage)>();
        var index = 0;
        foreach (var stage in stages)
        {
            var at = $"{field}[{index++}]";
            validator.Check(stage.Year >= firstYear - 1 && stage.Year <= lastYear, at + ".year",
                $"must be between {firstYear - 1} and {lastYear}");
            if (validator.Check(stage.Stage != Stage.Unspecified, at + ".stage", "is required (ASSESTATO, PREVISIONE or RENDICONTO)"))
                validator.Check(seen.Add((stage.Year, stage.Stage)), at, $"{stage.Year} {stage.Stage} is declared twice");
        }
    }

    /// <summary>A stage that still carries line amounts cannot be withdrawn.</summary>
    public static void CheckStagesInUse(IReadOnlyList<StageRow> used, IReadOnlyList<StageRow> declared, RequestValidator validator)
    {
        foreach (var stage in used.Where(u => !declared.Contains(u)))
            validator.Add("budget.stages", $"{stage.Year} {stage.Stage} still has line amounts and cannot be removed");
    }

    /// <summary>A read at (year, stage) needs a stage the budget declares.</summary>
    public static void CheckStage(BudgetRow budget, int year, Stage stage, RequestValidator validator)
    {
        if (validator.Check(stage != Stage.Unspecified, "stage", "is required (ASSESTATO, PREVISIONE or RENDICONTO)"))
            validator.Check(budget.Declares(year, stage), "year", $"{year} {stage} is not declared on {budget.ResourceName}");
    }

    /// <summary>A budget is approved only when the current and capital balances hold at every declared stage.</summary>
    public static void EnsureBalanced(BudgetRow budget, Ledger ledger)
    {
        var failures = budget.Stages
            .Select(s => (s.Year, Stage: Enum.Parse<Stage>(s.Stage)))
            .SelectMany(s =>
            {
                var inputs = ledger.BalanceInputs(s.Year, s.Stage);
                return new[] { BalanceCalculator.Current(inputs), BalanceCalculator.Capital(inputs) }
                    .Where(t => !t.Balanced).Select(t => $"{s.Year} {s.Stage}: {t.Failure}");
            })
            .ToList();
        if (failures.Count > 0)
            throw ApiErrors.FailedPrecondition("BUDGET_NOT_BALANCED",
                $"{budget.ResourceName} cannot be approved: {string.Join("; ", failures)}", ("resource", budget.ResourceName));
    }
}
