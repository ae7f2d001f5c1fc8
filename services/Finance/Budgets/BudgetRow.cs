using Platform.Finance.V1;
using Platform.ServiceDefaults.Api;

namespace Platform.Finance.Budgets;

/// <summary>A row of <c>budgets</c>.</summary>
public sealed record BudgetRow
{
    public required string TenantId { get; init; }
    public required string BudgetId { get; init; }
    public required string Title { get; init; }
    public required int FirstYear { get; init; }
    public required int LastYear { get; init; }
    public required long Version { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    public string ResourceName => BudgetNames.Format(BudgetId);

    public Budget ToProto() => new()
    {
        Name = ResourceName,
        Title = Title,
        FirstYear = FirstYear,
        LastYear = LastYear,
        Etag = Etags.Format(Version),
        CreateTime = CreatedAt.ToTimestamp(),
        UpdateTime = UpdatedAt.ToTimestamp(),
        UpdateUser = UpdatedBy,
    };

    public IReadOnlyDictionary<string, string?> AuditFields() => new Dictionary<string, string?>
    {
        ["title"] = Title,
        ["first_year"] = FirstYear.ToString(),
        ["last_year"] = LastYear.ToString(),
    };
}

public static class BudgetNames
{
    public const string Collection = "budgets";
    public static string Format(string budgetId) => ResourceNames.Format(Collection, budgetId);
    public static string ParseId(string? name, string field = "name") => ResourceNames.ParseId(name, Collection, field);
}
