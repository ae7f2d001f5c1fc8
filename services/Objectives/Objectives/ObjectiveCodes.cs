using System.Text;

namespace Platform.Objectives.Objectives;

/// <summary>
/// Objective codes (<c>1</c>, <c>1.2</c>, <c>1.2.10</c>, <c>EA2-6.1</c>): the "child extends parent" rule
/// (their shape is the contracts' <see cref="Platform.Names.ObjectiveName.IsValidCode"/>) and natural order (<c>1.9</c> before <c>1.10</c>).
/// </summary>
public static class ObjectiveCodes
{
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
