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

    public override string ToString() => Format(InvestmentId);
}
