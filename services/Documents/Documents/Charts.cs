using Platform.Documents.Layout;
using Platform.Documents.Model;
using WebApi = Platform.Web.Api;
using WebCharts = Platform.Web.Charts;

namespace Platform.Documents.Documents;

/// <summary>The web pages' charts (web/Charts, ScottPlot SVG) for the same data, so the documents show what the pages show.</summary>
public static class Charts
{
    public static Chart? Indicator(IndicatorData indicator) =>
        WebCharts.IndicatorChart.DataUri(indicator.Periods.Select(p => new WebApi.Period(Name: p.Name, Target: p.Target, Actual: p.Actual)),
            indicator.Indicator.Unit) is { } uri
            ? new Chart(uri, $"Andamento di target e consuntivo: {indicator.Indicator.Title} (valori nella tabella)")
            : null;

    public static Chart? Debt(DebtSchedule debt) =>
        WebCharts.DebtChart.DataUri(debt.Years.OrderBy(y => y.Year).Select(y => new WebApi.DebtYear(Year: y.Year, ClosingDebt: y.ClosingDebt)).ToList()) is { } uri
            ? new Chart(uri, "Debito residuo a fine anno (valori nella tabella)")
            : null;
}
