using Platform.Documents.Layout;
using Platform.Documents.Model;

namespace Platform.Documents.Documents;

/// <summary>
/// The development pact's annual monitoring report, following the pact's monitoring method: for each axis, its
/// emblematic actions and their projects with state of implementation, estimated cost, funding and promoters, the
/// latest progress report and the indicators of the year.
/// </summary>
public static class MonitoraggioDocument
{
    public static Document Build(PlanData data)
    {
        var nodes = ScorecardBlocks.Nodes(data.Scorecard);
        var body = ScorecardBlocks.Opening(data, $"Monitoraggio {data.Year}", "monitoraggio");
        foreach (var root in data.AtDepth(0))
        {
            body.Add(new Heading(2, $"{root.Level} {root.Code} - {root.Title}", CommonBlocks.Anchor("f", root.Code)));
            if (root.Description.Length > 0) body.Add(new Paragraph(root.Description));
            foreach (var item in RelazioneDocument.Descendants(data, root).Where(o => !IsProject(data, o)))
                body.Add(Card(data, item, nodes));
        }
        return ScorecardBlocks.Report(data, $"Rapporto annuale di monitoraggio {data.Year}", body);
    }

    /// <summary>Projects, the pact's last level, are rows of their action's table rather than cards.</summary>
    private static bool IsProject(PlanData data, Objective objective) =>
        data.Plan.Levels.Count > 0 && objective.Level == data.Plan.Levels[^1];

    private static Card Card(PlanData data, Objective item, Dictionary<string, ScorecardNode> nodes)
    {
        var blocks = ScorecardBlocks.Objective(data, item, nodes);
        var projects = data.Children(item.Name).Where(p => IsProject(data, p)).ToList();
        if (projects.Count > 0)
            blocks.Add(new Table($"Progetti di {item.Code} ({projects.Count})", ["Codice", "Progetto", "Promotori", "Costo stimato (€)", "Fonti di finanziamento", "Stato di attuazione"],
                projects.Select(p => new Row([p.Code, p.Title, Italian.Joined(p.Promoters), Italian.Amount(p.EstimatedCost),
                    Italian.Joined(p.FundingSources), Italian.OrDash(p.ProjectState.Length > 0 ? p.ProjectState : p.LatestState)])).ToList(),
                new HashSet<int> { 3 }));
        return new Card("monitoraggio", blocks);
    }
}
