using System.Globalization;

namespace Platform.Spreadsheets.Values;

/// <summary>
/// Parses numbers written as text in one stated format, exactly (as <see cref="decimal"/>, never through double),
/// and tells which formats a text could belong to, for detecting a file's format.
/// </summary>
internal static class NumberText
{
    /// <summary>Which formats can read a text as a number, and whether they agree on its value.</summary>
    public enum Reading { NotANumber, Neutral, ItalianOnly, PlainOnly, Ambiguous }

    public static bool TryParse(ReadOnlySpan<char> text, NumberFormat format, out decimal value)
    {
        value = 0;
        var canonical = format switch
        {
            NumberFormat.Italian => ItalianToInvariant(text),
            NumberFormat.Plain => PlainToInvariant(text),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The number format must be decided before parsing."),
        };
        return canonical is not null
            && decimal.TryParse(canonical, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static Reading Classify(ReadOnlySpan<char> text)
    {
        var italian = ItalianToInvariant(text);
        var plain = PlainToInvariant(text);
        if (italian is null) return plain is null ? Reading.NotANumber : Reading.PlainOnly;
        if (plain is null) return Reading.ItalianOnly;
        return italian == plain ? Reading.Neutral : Reading.Ambiguous;
    }

    /// <summary><c>-1.234.567,89</c> or <c>1234567,89</c> to <c>-1234567.89</c>; null when not that shape.</summary>
    private static string? ItalianToInvariant(ReadOnlySpan<char> text)
    {
        var body = WithoutSign(text, out var negative);
        var comma = body.IndexOf(',');
        var integer = comma < 0 ? body : body[..comma];
        var fraction = comma < 0 ? [] : body[(comma + 1)..];
        if (comma >= 0 && !AllDigits(fraction, allowEmpty: false)) return null;
        var digits = integer.Contains('.') ? UngroupedOrNull(integer) : AllDigits(integer, allowEmpty: false) ? integer.ToString() : null;
        if (digits is null) return null;
        return (negative ? "-" : "") + digits + (comma < 0 ? "" : "." + fraction.ToString());
    }

    /// <summary><c>-1234567.89</c> as it is; null when not that shape (no grouping, no comma).</summary>
    private static string? PlainToInvariant(ReadOnlySpan<char> text)
    {
        var body = WithoutSign(text, out var negative);
        var dot = body.IndexOf('.');
        var integer = dot < 0 ? body : body[..dot];
        var fraction = dot < 0 ? [] : body[(dot + 1)..];
        if (!AllDigits(integer, allowEmpty: false) || (dot >= 0 && !AllDigits(fraction, allowEmpty: false))) return null;
        return (negative ? "-" : "") + body.ToString();
    }

    /// <summary><c>1.234.567</c> to <c>1234567</c>: groups of exactly three digits after a first group of one to three.</summary>
    private static string? UngroupedOrNull(ReadOnlySpan<char> integer)
    {
        var groups = integer.ToString().Split('.');
        if (groups[0].Length is < 1 or > 3 || !AllDigits(groups[0], false)) return null;
        for (var i = 1; i < groups.Length; i++)
            if (groups[i].Length != 3 || !AllDigits(groups[i], false)) return null;
        return string.Concat(groups);
    }

    private static ReadOnlySpan<char> WithoutSign(ReadOnlySpan<char> text, out bool negative)
    {
        negative = text.Length > 1 && text[0] == '-';
        return text.Length > 1 && text[0] is '-' or '+' ? text[1..] : text;
    }

    private static bool AllDigits(ReadOnlySpan<char> text, bool allowEmpty)
    {
        if (text.IsEmpty) return allowEmpty;
        foreach (var c in text)
            if (c is < '0' or > '9') return false;
        return true;
    }
}
