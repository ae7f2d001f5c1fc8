using Platform.Finance.V1;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace Platform.Finance.Budgets;

public static class BudgetValidation
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;
    /// <summary>A bilancio di previsione spans three years; allow longer multi-year frames, not decades.</summary>
    public const int MaxSpanYears = 10;

    public static void ValidateCreate(CreateBudgetRequest request)
    {
        var validator = new RequestValidator();
        ResourceNames.CheckId(validator, request.BudgetId, "budget_id");
        if (validator.Check(request.Budget is not null, "budget", "is required"))
        {
            var budget = request.Budget!;
            validator.Text(budget.Title, "budget.title", 300);
            var firstOk = validator.Range(budget.FirstYear, MinYear, MaxYear, "budget.first_year");
            var lastOk = validator.Range(budget.LastYear, MinYear, MaxYear, "budget.last_year");
            if (firstOk && lastOk && validator.Check(budget.FirstYear <= budget.LastYear, "budget.last_year", "must not be before first_year"))
                validator.Check(budget.LastYear - budget.FirstYear <= MaxSpanYears, "budget.last_year",
                    $"must be at most {MaxSpanYears} years after first_year");
        }
        validator.ThrowIfInvalid();
    }
}
