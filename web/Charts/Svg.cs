namespace Platform.Web.Charts;

/// <summary>A ScottPlot plot as an <c>img</c> source the CSP allows (<c>data:</c>), it-IT numbers on the axes.</summary>
public static class Svg
{
    public static string DataUri(ScottPlot.Plot plot, int width, int height)
    {
        var culture = Api.Italian.Culture;
        if (plot.Axes.Left.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic ticks)
            ticks.LabelFormatter = value => value.ToString("#,##0.##", culture);
        var svg = plot.GetSvgXml(width, height);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
