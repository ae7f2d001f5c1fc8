using Platform.Documents.Layout;
using Platform.Documents.Model;

namespace Platform.Documents.Documents;

/// <summary>Blocks several documents print the same way: the cover, an indicator's table, a progress report.</summary>
public static class CommonBlocks
{
    public static Cover Cover(PlanData data, string title, params string[] extra)
    {
        var lines = new List<string> { $"Periodo {data.Plan.StartYear}-{data.Plan.EndYear}", $"Stato del piano: {Italian.PlanState(data.Plan.State)}" };
        if (data.Approval is { } version)
            lines.Add($"{Italian.OrDash(version.Description)} (versione {version.Name[(version.Name.LastIndexOf('/') + 1)..]} del {Italian.Date(version.CreateTime)})");
        lines.AddRange(extra);
        lines.Add($"Documento generato il {DateTime.UtcNow:dd/MM/yyyy} dai dati pubblicati sulla piattaforma");
        // The ente is on the cover already: "DUP 2023-2025 - Comune di Cremona" reads "DUP 2023-2025" under it.
        var suffix = " - " + data.Ente;
        return new Cover(data.Ente, title.EndsWith(suffix, StringComparison.Ordinal) ? title[..^suffix.Length] : title, lines);
    }

    public static string Anchor(string prefix, string code) => prefix + "-" + code.Replace('.', '-');

    /// <summary>The DUP's indicator table: <c>Anno | Target | Consuntivo | Raggiungimento | Nota</c>, achievement as Indicators computes it.</summary>
    public static IEnumerable<Block> Indicator(IndicatorData indicator)
    {
        var definition = indicator.Indicator;
        yield return new Paragraph(definition.Title, "Indicatore");
        if (definition.Formula.Length > 0 || definition.Description.Length > 0)
            yield return new Paragraph(definition.Formula.Length > 0 ? definition.Formula : definition.Description, "Formula");
        var rows = indicator.Years.Select(p => new Row([IndicatorData.PeriodId(p), Italian.Number(p.Target), Italian.Number(p.Actual),
            Italian.Number(p.Achievement), p.Note])).ToList();
        yield return new Table($"{definition.Title}{(definition.Unit.Length > 0 ? $" ({definition.Unit})" : "")}",
            ["Anno", "Target", "Consuntivo", "Raggiungimento %", "Nota consuntivo"], rows, new HashSet<int> { 1, 2, 3 });
        if (Charts.Indicator(indicator) is { } chart) yield return chart;
    }

    /// <summary>The latest progress report (stato di attuazione) of an objective, or a line saying there is none.</summary>
    public static IEnumerable<Block> Report(PlanData data, Objective objective)
    {
        if (!data.LatestReports.TryGetValue(objective.Name, out var report))
        {
            yield return new Paragraph("Nessuno stato di attuazione registrato.", "Stato di attuazione");
            yield break;
        }
        yield return new Fields([("Stato di attuazione", $"{Italian.ReportState(report.State)} ({report.Period})"),
            ("Redatto da", $"{Italian.OrDash(report.Author)}, {Italian.Date(report.CreateTime)}")]);
        if (report.StatusText.Length > 0) yield return new Paragraph(report.StatusText, "Attività svolte");
        if (report.CorrectiveActions.Length > 0) yield return new Paragraph(report.CorrectiveActions, "Azioni correttive");
    }
}
