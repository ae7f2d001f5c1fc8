using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.ServiceDefaults.Api;

/// <summary>
/// Exact decimal values carried as strings in the contracts (<c>"1234.56"</c>): parsed without floating
/// point, checked for scale, rounded half-up, and written back with a fixed number of places.
/// </summary>
public static partial class Decimals
{
    [GeneratedRegex(@"^-?\d{1,20}(\.\d{1,20})?$")]
    private static partial Regex Plain();

    /// <summary>Digits grouped by thousands, Italian (<c>1.234.567,89</c>) or English (<c>1,234,567.89</c>).</summary>
    [GeneratedRegex(@"^-?\d{1,3}((\.\d{3})+(,\d+)?|(,\d{3})+(\.\d+)?)$")]
    private static partial Regex Grouped();

    /// <summary>
    /// Parses <paramref name="text"/> as a plain decimal (digits, optional sign and point; no exponent,
    /// grouping or letters) with at most <paramref name="maxScale"/> places; adds a violation otherwise.
    /// </summary>
    public static bool TryParse(string? text, string field, RequestValidator validator, int maxScale, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text) || !Plain().IsMatch(text))
        {
            validator.Add(field, $"must be a decimal number such as 1234.56, not '{text}'");
            return false;
        }
        var point = text.IndexOf('.');
        if (point >= 0 && text.Length - point - 1 > maxScale)
        {
            validator.Add(field, $"must have at most {maxScale} decimal places");
            return false;
        }
        value = decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>Places of a money amount (euro cents).</summary>
    public const int MoneyPlaces = 2;

    /// <summary>
    /// An amount of money: at most 2 decimal places, not negative unless <paramref name="allowNegative"/>.
    /// Empty text is a violation when <paramref name="required"/>, else absent (null).
    /// </summary>
    public static bool TryParseMoney(string? text, string field, RequestValidator validator, bool required,
        bool allowNegative, out decimal? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text) && !required) return true;
        if (text is not null && Grouped().IsMatch(text))
        {
            validator.Add(field, $"'{text}' looks like digits grouped by thousands: write the amount without a thousands "
                + "separator, with a point before the cents, such as 1234.56");
            return false;
        }
        if (!TryParse(text, field, validator, MoneyPlaces, out var parsed)) return false;
        if (!allowNegative && !validator.Check(parsed >= 0, field, "must not be negative")) return false;
        value = parsed;
        return true;
    }

    /// <summary>Rounds half away from zero ("round half up" as Italian accounts print it).</summary>
    public static decimal RoundHalfUp(decimal value, int places) => Math.Round(value, places, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Invariant text with at least <paramref name="minPlaces"/> places, more when the value has them: a
    /// measured value is never rounded away (<c>12</c> with 2 places is <c>12.00</c>, <c>0.125</c> stays).
    /// </summary>
    public static string FormatAtLeast(decimal value, int minPlaces)
    {
        var scale = (value / 1.0000000000000000000000000000m).Scale;
        return Format(value, Math.Max(scale, minPlaces));
    }

    /// <summary>Invariant text with exactly <paramref name="places"/> decimals, e.g. <c>73.40</c>.</summary>
    public static string Format(decimal value, int places) =>
        RoundHalfUp(value, places).ToString("F" + places, CultureInfo.InvariantCulture);
}
