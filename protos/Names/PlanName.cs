using System.Diagnostics.CodeAnalysis;

namespace Platform.Names;

/// <summary><c>plans/{plan}</c>, owned by the Objectives service.</summary>
public readonly record struct PlanName(string PlanId) : IResourceName<PlanName>
{
    public const string Collection = "plans";

    public static string Pattern => "plans/{plan}";

    public static string Format(string planId) => $"{Collection}/{planId}";

    public static bool TryParse([NotNullWhen(true)] string? text, out PlanName name)
    {
        name = ResourceIds.ParseOneLevel(text, Collection) is { } id ? new PlanName(id) : default;
        return name.PlanId is not null;
    }

    /// <summary>
    /// The plan a name belongs to: <c>plans/{plan}</c> itself or any resource under it
    /// (<c>plans/{plan}/objectives/1.2</c>), or null when <paramref name="text"/> names no plan.
    /// </summary>
    public static PlanName? Owning(string? text) =>
        ResourceIds.ParseOwning(text, Collection) is { } id ? new PlanName(id) : null;

    public override string ToString() => Format(PlanId);
}
