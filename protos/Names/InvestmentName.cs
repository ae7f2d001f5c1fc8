using System.Diagnostics.CodeAnalysis;

namespace Platform.Names;

/// <summary><c>investments/{id}</c>, owned by the Finance service.</summary>
public readonly record struct InvestmentName(string InvestmentId) : IResourceName<InvestmentName>
{
    public const string Collection = "investments";

    public static string Pattern => "investments/{investment}";

    public static string Format(string investmentId) => $"{Collection}/{investmentId}";

    public static bool TryParse([NotNullWhen(true)] string? text, out InvestmentName name)
    {
        name = ResourceIds.ParseOneLevel(text, Collection) is { } id ? new InvestmentName(id) : default;
        return name.InvestmentId is not null;
    }

    /// <summary>The investment a name belongs to: <c>investments/{id}</c> itself or any resource under it, or null.</summary>
    public static InvestmentName? Owning(string? text) =>
        ResourceIds.ParseOwning(text, Collection) is { } id ? new InvestmentName(id) : null;

    public override string ToString() => Format(InvestmentId);
}
