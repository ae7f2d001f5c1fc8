using Platform.Web.Api;

namespace Platform.Web.Charts;

/// <summary>
/// The achievement of an indicator's yearly periods over its status bands (the service's bounds, shaded in the
/// statuses' colours and named in the legend), as an SVG drawn by ScottPlot on the server.
/// </summary>
public static class AchievementChart
{
    /// <summary>The band colours, light enough for the line on top; the same hues as the status badges.</summary>
    public static readonly (string Status, string Hex)[] BandColours =
    [
        ("ACHIEVED", "#cfe8d6"),
        ("PARTIALLY_ACHIEVED", "#fbe7b5"),
        ("NOT_ACHIEVED", "#f6cdcd"),
    ];

    public static string? DataUri(IEnumerable<Period> periods, StatusBands? bands, int width = 720, int height = 320)
    {
        var yearly = periods.Where(p => p.Id.Length == 4 && int.TryParse(p.Id, out _) && p.Achievement.Length > 0)
            .OrderBy(p => p.Id).ToList();
        if (yearly.Count == 0 || bands is null || bands.AchievedFrom.Length == 0) return null;
        var achieved = Svg.Value(bands.AchievedFrom);
        var partially = Svg.Value(bands.PartiallyAchievedFrom);
        var years = yearly.Select(p => (double)p.Year).ToArray();
        var values = yearly.Select(p => Svg.Value(p.Achievement)).ToArray();
        var top = Math.Max(achieved * 1.2, values.Max() * 1.1);
        var bottom = Math.Min(0, values.Min());

        var plot = new ScottPlot.Plot();
        Band(plot, bottom, partially, "NOT_ACHIEVED", $"Non raggiunto (sotto {Italian.Number(bands.PartiallyAchievedFrom)} %)");
        Band(plot, partially, achieved, "PARTIALLY_ACHIEVED", $"Parzialmente raggiunto (da {Italian.Number(bands.PartiallyAchievedFrom)} %)");
        Band(plot, achieved, top, "ACHIEVED", $"Raggiunto (da {Italian.Number(bands.AchievedFrom)} %)");
        var line = plot.Add.Scatter(years, values, ScottPlot.Colors.Black);
        line.LegendText = "Raggiungimento";
        line.LineWidth = 2;
        line.MarkerSize = 8;
        plot.Axes.Bottom.SetTicks(years, yearly.Select(p => p.Id).ToArray());
        plot.Axes.SetLimitsY(bottom, top);
        plot.Axes.SetLimitsX(years.Min() - 0.5, years.Max() + 0.5);
        Svg.UnitTitle(plot, "Raggiungimento in %");
        plot.Axes.Bottom.Label.Text = "Anno";
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return Svg.DataUri(plot, width, height);
    }

    private static void Band(ScottPlot.Plot plot, double from, double to, string status, string label)
    {
        if (to <= from) return;
        var band = plot.Add.VerticalSpan(from, to);
        band.FillStyle.Color = ScottPlot.Color.FromHex(BandColours.Single(c => c.Status == status).Hex);
        band.LineStyle.Width = 0;
        band.LegendText = label;
    }
}
