using System.Globalization;

namespace Platform.Spreadsheets.Values;

/// <summary>
/// XLSX numeric cells, read from their stored text straight into <see cref="decimal"/>. Excel keeps 15 significant
/// digits and shows no more; a stored text with more (<c>0.30000000000000004</c>, a binary artefact of a formula) is
/// rounded to the 15 digits the user sees (<c>0.3</c>). Stored texts of 15 digits or fewer are taken as they are.
/// </summary>
internal static class ExcelNumber
{
    public const int SignificantDigits = 15;

    public static bool TryParse(string stored, out decimal value)
    {
        if (!decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        if (CountSignificantDigits(stored) > SignificantDigits) value = RoundToSignificant(value, SignificantDigits);
        return true;
    }

    /// <summary>Whether a value fits Excel's number cells exactly (else the writer stores it as text).</summary>
    public static bool FitsExactly(decimal value) => CountSignificantDigits(value.ToString(CultureInfo.InvariantCulture)) <= SignificantDigits;

    private static int CountSignificantDigits(string text)
    {
        var mantissa = text.AsSpan();
        var exponent = mantissa.IndexOfAny('E', 'e');
        if (exponent >= 0) mantissa = mantissa[..exponent];
        var count = 0;
        var leading = true;
        foreach (var c in mantissa)
        {
            if (c is < '0' or > '9') continue;
            if (leading && c == '0') continue;
            leading = false;
            count++;
        }
        return count;
    }

    private static decimal RoundToSignificant(decimal value, int digits)
    {
        if (value == 0) return 0m;
        var integerDigits = IntegerDigits(Math.Abs(value));
        var decimals = digits - integerDigits;
        if (decimals >= 0) return Normalize(Math.Round(value, Math.Min(decimals, 28), MidpointRounding.AwayFromZero));
        var unit = Pow10(-decimals);
        return Math.Round(value / unit, MidpointRounding.AwayFromZero) * unit;
    }

    /// <summary>Digits before the point, or minus the zeros after it for values below one (0.003 → -2).</summary>
    private static int IntegerDigits(decimal positive)
    {
        var integer = decimal.Truncate(positive);
        if (integer > 0) return integer.ToString(CultureInfo.InvariantCulture).Length;
        var zeros = 0;
        for (var scaled = positive * 10; scaled < 1 && zeros < 28; scaled *= 10) zeros++;
        return -zeros;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }

    // 1.2300000 → 1.23: the rounding leaves the scale of the long stored text behind.
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
