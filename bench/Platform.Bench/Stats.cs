using System.Globalization;

namespace Platform.Bench;

/// <summary>Percentiles of samples and the median / min-max of rounds, formatted the way the report prints them.</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> samples, double p)
    {
        if (samples.Count == 0) return double.NaN;
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);

    /// <summary><c>7,612 (7,480-7,700)</c>: median and range of the rounds.</summary>
    public static string Spread(IReadOnlyList<double> rounds, string format = "N0")
    {
        if (rounds.Count == 0) return "n/a";
        return $"{Median(rounds).ToString(format, CultureInfo.InvariantCulture)} " +
               $"({rounds.Min().ToString(format, CultureInfo.InvariantCulture)}-{rounds.Max().ToString(format, CultureInfo.InvariantCulture)})";
    }

    /// <summary>Ratio of two medians, two decimals.</summary>
    public static string Ratio(IReadOnlyList<double> numerator, IReadOnlyList<double> denominator) =>
        numerator.Count == 0 || denominator.Count == 0 ? "n/a"
            : (Median(numerator) / Median(denominator)).ToString("F2", CultureInfo.InvariantCulture);
}
