using System.Globalization;
using Platform.Web.Api;

namespace Platform.Web.Charts;

/// <summary>Target and actual of an indicator's yearly periods as an SVG chart drawn by ScottPlot on the server.</summary>
public static class IndicatorChart
{
    public static string? DataUri(IEnumerable<Period> periods, string unit, int width = 720, int height = 320)
    {
        var yearly = periods.Where(p => p.Id.Length == 4 && int.TryParse(p.Id, out _)).OrderBy(p => p.Id).ToList();
        if (yearly.Count == 0) return null;

        var plot = new ScottPlot.Plot();
        AddSeries(plot, yearly, p => p.Target, "Target", ScottPlot.Colors.SteelBlue, dashed: true);
        AddSeries(plot, yearly, p => p.Actual, "Valore rilevato", ScottPlot.Colors.DarkGreen, dashed: false);
        plot.Axes.Bottom.SetTicks(yearly.Select(p => double.Parse(p.Id, CultureInfo.InvariantCulture)).ToArray(),
            yearly.Select(p => p.Id).ToArray());
        // A small trend (objective card) is the lines alone: its numbers are on the indicator's page.
        if (width < 400)
        {
            plot.HideLegend();
            return Svg.DataUri(plot, width, height);
        }
        if (unit.Length > 0) Svg.UnitTitle(plot, $"Valori in {unit}");
        plot.Axes.Bottom.Label.Text = "Anno";
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return Svg.DataUri(plot, width, height);
    }

    private static void AddSeries(ScottPlot.Plot plot, List<Period> periods, Func<Period, string> value, string label,
        ScottPlot.Color color, bool dashed)
    {
        var points = periods
            .Select(p => (Year: double.Parse(p.Id, CultureInfo.InvariantCulture), Ok: decimal.TryParse(value(p), NumberStyles.Number, CultureInfo.InvariantCulture, out var v), Value: (double)v))
            .Where(p => p.Ok).ToList();
        if (points.Count == 0) return;
        var scatter = plot.Add.Scatter(points.Select(p => p.Year).ToArray(), points.Select(p => p.Value).ToArray(), color);
        scatter.LegendText = label;
        scatter.LineWidth = 2;
        scatter.MarkerSize = 8;
        if (dashed) scatter.LinePattern = ScottPlot.LinePattern.Dashed;
    }
}
