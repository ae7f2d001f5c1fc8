using Platform.Documents.Layout;
using Platform.Documents.Model;

namespace Platform.Documents.Documents;

/// <summary>
/// Relazione sullo stato di attuazione for a year: totals per area from the scorecard, then each objective with its
/// latest progress report and its indicators' achievement and status for the year.
/// </summary>
public static class RelazioneDocument
{
    public static Document Build(PlanData data)
    {
        var nodes = ScorecardBlocks.Nodes(data.Scorecard);
        var body = ScorecardBlocks.Opening(data, $"Stato di attuazione al {data.Year}", "relazione");
        foreach (var root in data.AtDepth(0))
        {
            body.Add(new Heading(2, $"{root.Code} - {root.Title}", CommonBlocks.Anchor("a", root.Code)));
            body.AddRange(ScorecardBlocks.Indicators(nodes.GetValueOrDefault(root.Name), data.Year));
            body.AddRange(Descendants(data, root).Select(o => new Card("attuazione", ScorecardBlocks.Objective(data, o, nodes))));
        }
        return ScorecardBlocks.Report(data, $"Relazione sullo stato di attuazione {data.Year}", body);
    }

    public static IEnumerable<Objective> Descendants(PlanData data, Objective parent)
    {
        foreach (var child in data.Children(parent.Name))
        {
            yield return child;
            foreach (var below in Descendants(data, child)) yield return below;
        }
    }
}
