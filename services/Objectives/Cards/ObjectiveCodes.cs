using System.Text;
using System.Text.RegularExpressions;
using Platform.Objectives.Plans;
using Platform.ServiceDefaults.Errors;

namespace Platform.Objectives.Cards;

/// <summary>
/// Objective codes (<c>1</c>, <c>1.2</c>, <c>1.2.10</c>, <c>EA2-6.1</c>): their shape, the "child extends parent"
/// rule and natural order (<c>1.9</c> before <c>1.10</c>).
/// </summary>
public static partial class ObjectiveCodes
{
    public const int MaxLength = 40;

    [GeneratedRegex(@"^[A-Za-z0-9]+(?:[.\-][A-Za-z0-9]+)*$")]
    private static partial Regex Pattern();

    public const string Rule =
        "must be letters and digits in segments separated by '.' or '-' (e.g. 1.2.1), at most 40 characters";

    public static bool IsValid(string? code) => code is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(code);

    /// <summary>True when <paramref name="child"/> is <paramref name="parent"/> followed by more segments.</summary>
    public static bool Extends(string parent, string child) =>
        child.Length > parent.Length + 1
        && child.StartsWith(parent, StringComparison.Ordinal)
        && child[parent.Length] is '.' or '-';

    /// <summary>
    /// A key whose ordinal order is the natural order of codes: digit runs are zero-padded, letters lowered,
    /// separators become '.', and the code itself follows a space so that keys are unique.
    /// </summary>
    public static string SortKey(string code)
    {
        var key = new StringBuilder();
        var i = 0;
        while (i < code.Length)
        {
            var c = code[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < code.Length && char.IsAsciiDigit(code[i])) i++;
                var digits = code[start..i].TrimStart('0');
                key.Append(digits.PadLeft(10, '0'));
                continue;
            }
            key.Append(c is '.' or '-' ? '.' : char.ToLowerInvariant(c));
            i++;
        }
        return key.Append(' ').Append(code).ToString();
    }

    /// <summary>Natural order of codes.</summary>
    public static readonly IComparer<string> NaturalOrder =
        Comparer<string>.Create((a, b) => string.CompareOrdinal(SortKey(a), SortKey(b)));
}

/// <summary>Resource names <c>plans/{plan}/objectives/{code}</c>.</summary>
public static class ObjectiveNames
{
    public static string Format(string planId, string code) => $"{PlanNames.Format(planId)}/objectives/{code}";

    public static bool TryParse(string? name, out string planId, out string code)
    {
        planId = code = "";
        var parts = name?.Split('/');
        if (parts is not ["plans", var plan, "objectives", var c]) return false;
        if (!Platform.ServiceDefaults.Api.ResourceNames.IsValidId(plan) || !ObjectiveCodes.IsValid(c)) return false;
        (planId, code) = (plan, c);
        return true;
    }

    /// <summary>Parses a name or throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static (string PlanId, string Code) Parse(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name)) throw ApiErrors.InvalidArgument(field, "is required");
        if (!TryParse(name, out var planId, out var code))
            throw ApiErrors.InvalidArgument(field, "must look like plans/{plan}/objectives/{code}");
        return (planId, code);
    }
}
