using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Platform.Names;

/// <summary><c>plans/{plan}/objectives/{code}</c>, owned by the Objectives service and linked from Indicators and Finance.</summary>
public readonly partial record struct ObjectiveName(string PlanId, string Code) : IResourceName<ObjectiveName>
{
    public const int MaxCodeLength = 40;

    public const string CodeRule =
        "must be letters and digits in segments separated by '.' or '-' (e.g. 1.2.1), at most 40 characters";

    [GeneratedRegex(@"^[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*$")]
    private static partial Regex CodePattern();

    public static string Pattern => "plans/{plan}/objectives/{code}";

    public PlanName Plan => new(PlanId);

    /// <summary>Codes such as <c>1</c>, <c>1.2.10</c>, <c>EA2-6.1</c>.</summary>
    public static bool IsValidCode([NotNullWhen(true)] string? code) =>
        code is { Length: > 0 and <= MaxCodeLength } && CodePattern().IsMatch(code);

    public static string Format(string planId, string code) => $"{PlanName.Format(planId)}/objectives/{code}";

    public static bool TryParse([NotNullWhen(true)] string? text, out ObjectiveName name)
    {
        name = default;
        if (text?.Split('/') is not [PlanName.Collection, var plan, "objectives", var code]) return false;
        if (!ResourceIds.IsValid(plan) || !IsValidCode(code)) return false;
        name = new ObjectiveName(plan, code);
        return true;
    }

    public override string ToString() => Format(PlanId, Code);
}
