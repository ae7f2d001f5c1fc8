using System.Globalization;

namespace Platform.Web.Charts;

/// <summary>A ScottPlot plot as an <c>img</c> source the CSP allows (<c>data:</c>), it-IT numbers on the axes.</summary>
public static class Svg
{
    public const string MillionsOfEuro = "Milioni di €";

    public static string DataUri(ScottPlot.Plot plot, int width, int height)
    {
        var culture = Api.Italian.Culture;
        if (plot.Axes.Left.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic ticks)
            ticks.LabelFormatter = value => value.ToString("#,##0.##", culture);
        var svg = plot.GetSvgXml(width, height);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }

    /// <summary>The unit of the values, written level above the plot (a rotated axis label reads as a stray glyph).</summary>
    public static void UnitTitle(ScottPlot.Plot plot, string unit)
    {
        plot.Axes.Title.Label.Text = unit;
        plot.Axes.Title.Label.FontSize = 14;
        plot.Axes.Title.Label.Bold = false;
    }

    /// <summary>An API decimal in millions for the axis (the tables under each chart keep the exact amounts); 0 when empty.</summary>
    public static double Millions(string amount) => Value(amount) / 1_000_000;

    /// <summary>An API decimal as a plotted value; 0 when empty.</summary>
    public static double Value(string amount) =>
        decimal.TryParse(amount, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? (double)v : 0;
}
