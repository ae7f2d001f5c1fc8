using Platform.Indicators.V1;
using Platform.ServiceDefaults.Api;

namespace Platform.Indicators.Definitions;

/// <summary>A row of <c>indicators</c>.</summary>
public sealed record IndicatorRow
{
    public required string TenantId { get; init; }
    public required string IndicatorId { get; init; }
    public required string Title { get; init; }
    public required string Unit { get; init; }
    public required string Description { get; init; }
    public required long Version { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required string UpdatedBy { get; init; }

    public string ResourceName => IndicatorNames.Format(IndicatorId);

    public Indicator ToProto() => new()
    {
        Name = ResourceName,
        Title = Title,
        Unit = Unit,
        Description = Description,
        Etag = Etags.Format(Version),
        CreateTime = CreatedAt.ToTimestamp(),
        UpdateTime = UpdatedAt.ToTimestamp(),
        UpdateUser = UpdatedBy,
    };

    public IReadOnlyDictionary<string, string?> AuditFields() => new Dictionary<string, string?>
    {
        ["title"] = Title,
        ["unit"] = Unit,
        ["description"] = Description,
    };
}

public static class IndicatorNames
{
    public const string Collection = "indicators";
    public static string Format(string indicatorId) => ResourceNames.Format(Collection, indicatorId);
    public static string ParseId(string? name, string field = "name") => ResourceNames.ParseId(name, Collection, field);
}
