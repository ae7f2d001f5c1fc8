using System.Diagnostics.CodeAnalysis;

namespace Platform.Names;

/// <summary><c>budgets/{id}</c>, owned by the Finance service.</summary>
public readonly record struct BudgetName(string BudgetId) : IResourceName<BudgetName>
{
    public const string Collection = "budgets";

    public static string Pattern => "budgets/{budget}";

    public static string Format(string budgetId) => $"{Collection}/{budgetId}";

    public static bool TryParse([NotNullWhen(true)] string? text, out BudgetName name)
    {
        name = ResourceIds.ParseOneLevel(text, Collection) is { } id ? new BudgetName(id) : default;
        return name.BudgetId is not null;
    }

    /// <summary>The budget a name belongs to: <c>budgets/{id}</c> itself or any resource under it, or null.</summary>
    public static BudgetName? Owning(string? text) =>
        ResourceIds.ParseOwning(text, Collection) is { } id ? new BudgetName(id) : null;

    public override string ToString() => Format(BudgetId);
}
