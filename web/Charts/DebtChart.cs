using System.Globalization;
using Platform.Web.Api;

namespace Platform.Web.Charts;

/// <summary>Closing debt by year (ScottPlot SVG), the trend of the debt schedule the Finance service computes.</summary>
public static class DebtChart
{
    public static string? DataUri(IReadOnlyList<DebtYear> years)
    {
        if (years.Count == 0) return null;
        var plot = new ScottPlot.Plot();
        var x = years.Select(y => (double)y.Year).ToArray();
        var closing = years.Select(y => Svg.Millions(y.ClosingDebt)).ToArray();
        var line = plot.Add.Scatter(x, closing, ScottPlot.Color.FromHex("#004080"));
        line.LineWidth = 2;
        line.MarkerSize = 8;
        line.LegendText = "Debito residuo a fine anno";
        plot.Axes.Bottom.SetTicks(x, years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.Bottom.Label.Text = "Anno";
        Svg.UnitTitle(plot, Svg.MillionsOfEuro);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        return Svg.DataUri(plot, 720, 320);
    }
}
