using System.Text.RegularExpressions;
using Platform.Indicators.Definitions;

namespace Platform.Indicators.Periods;

/// <summary>
/// A period key: a year (<c>2023</c>), a half-year (<c>2023-H1</c>, or <c>2023-S1</c> as Italian offices write a
/// semestre) or a quarter (<c>2023-Q2</c>).
/// </summary>
public sealed partial record PeriodKey(int Year, char Part, int Index)
{
    public const string Rule = "must be a year (2023), a half-year (2023-H1, 2023-H2; or 2023-S1, 2023-S2) or a quarter (2023-Q1 to 2023-Q4)";

    [GeneratedRegex(@"^(?<year>\d{4})(-(?<part>[HQS])(?<index>\d))?$")]
    private static partial Regex Pattern();

    public bool IsYear => Part == 'Y';

    /// <summary>Time order within the year: Q1, Q2, H1, Q3, Q4, H2, then the year.</summary>
    public int SortKey => Year * 100 + Part switch { 'Q' => Index * 10, 'H' => Index * 20 + 5, _ => 90 };

    public override string ToString() => IsYear ? $"{Year}" : $"{Year}-{Part}{Index}";

    public static bool TryParse(string? text, out PeriodKey key)
    {
        key = new PeriodKey(0, 'Y', 0);
        var match = Pattern().Match(text ?? "");
        if (!match.Success) return false;
        var year = int.Parse(match.Groups["year"].Value);
        if (year is < 1900 or > 2200) return false;
        if (!match.Groups["part"].Success)
        {
            key = new PeriodKey(year, 'Y', 0);
            return true;
        }
        var part = match.Groups["part"].Value[0] is 'S' ? 'H' : match.Groups["part"].Value[0];
        var index = int.Parse(match.Groups["index"].Value);
        if (index < 1 || index > (part == 'H' ? 2 : 4)) return false;
        key = new PeriodKey(year, part, index);
        return true;
    }

    /// <summary>Splits <c>indicators/{id}/periods/{key}</c>; throws INVALID_ARGUMENT on <paramref name="field"/>.</summary>
    public static (string IndicatorId, PeriodKey Key) ParseName(string? name, string field)
    {
        if (string.IsNullOrEmpty(name)) throw ApiErrors.InvalidArgument(field, "is required");
        var parts = name.Split('/');
        if (parts.Length != 4 || parts[2] != "periods")
            throw ApiErrors.InvalidArgument(field, "must look like indicators/{indicator}/periods/{period}");
        var indicatorId = ResourceNames.Parse<IndicatorName>($"{parts[0]}/{parts[1]}", field).IndicatorId;
        if (!TryParse(parts[3], out var key))
            throw ApiErrors.InvalidArgument(field, $"period '{parts[3]}' {Rule}");
        return (indicatorId, key);
    }

    public static string FormatName(string indicatorId, string key) => $"{IndicatorName.Format(indicatorId)}/periods/{key}";
}
