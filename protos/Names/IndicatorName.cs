using System.Diagnostics.CodeAnalysis;

namespace Platform.Names;

/// <summary><c>indicators/{id}</c>, owned by the Indicators service.</summary>
public readonly record struct IndicatorName(string IndicatorId) : IResourceName<IndicatorName>
{
    public const string Collection = "indicators";

    public static string Pattern => "indicators/{indicator}";

    public static string Format(string indicatorId) => $"{Collection}/{indicatorId}";

    public static bool TryParse([NotNullWhen(true)] string? text, out IndicatorName name)
    {
        name = ResourceIds.ParseOneLevel(text, Collection) is { } id ? new IndicatorName(id) : default;
        return name.IndicatorId is not null;
    }

    /// <summary>The indicator a name belongs to (<c>indicators/{id}</c> or a period under it), or null.</summary>
    public static IndicatorName? Owning(string? text) =>
        ResourceIds.ParseOwning(text, Collection) is { } id ? new IndicatorName(id) : null;

    public override string ToString() => Format(IndicatorId);
}
