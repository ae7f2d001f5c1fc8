namespace Platform.Web.Charts;

/// <summary>Amounts in euros by category as an SVG bar chart drawn by ScottPlot on the server (short labels under the bars).</summary>
public static class BarChart
{
    public static string? DataUri(IReadOnlyList<(string Label, string Amount)> bars, int width = 720, int height = 320)
    {
        var values = bars.Select(b => Svg.Millions(b.Amount)).ToArray();
        if (values.Length == 0) return null;
        var plot = new ScottPlot.Plot();
        var series = plot.Add.Bars(values);
        series.Color = ScottPlot.Color.FromHex("#0066cc");
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, values.Length).Select(i => (double)i).ToArray(), bars.Select(b => b.Label).ToArray());
        Svg.UnitTitle(plot, Svg.MillionsOfEuro);
        plot.Axes.Margins(bottom: 0);
        return Svg.DataUri(plot, width, height);
    }
}
