namespace Platform.Finance.Lines;

/// <summary><c>budgets/{budget}/lines/{line}</c>: lines live inside a budget and are named only in answers.</summary>
public static class LineNames
{
    public static string Format(string budgetId, string lineId) => $"{BudgetName.Format(budgetId)}/lines/{lineId}";
}
