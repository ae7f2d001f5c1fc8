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
        var top = data.Plan.Levels.FirstOrDefault() ?? "Area";
        var body = new List<Block>
        {
            new Heading(1, $"Stato di attuazione al {data.Year}", "relazione"),
            new Heading(2, "Sintesi per area", "sintesi"),
            ScorecardBlocks.Areas(data, top),
        };
        foreach (var root in data.AtDepth(0))
        {
            body.Add(new Heading(2, $"{root.Code} - {root.Title}", CommonBlocks.Anchor("a", root.Code)));
            body.AddRange(ScorecardBlocks.Indicators(nodes.GetValueOrDefault(root.Name), data.Year));
            foreach (var objective in Descendants(data, root))
            {
                var blocks = new List<Block> { new Heading(3, $"{objective.Level} {objective.Code} - {objective.Title}", CommonBlocks.Anchor("o", objective.Code)) };
                blocks.AddRange(CommonBlocks.Report(data, objective));
                blocks.AddRange(ScorecardBlocks.Indicators(nodes.GetValueOrDefault(objective.Name), data.Year));
                body.Add(new Card("attuazione", blocks));
            }
        }
        var title = $"Relazione sullo stato di attuazione {data.Year}";
        return new Document(title, CommonBlocks.Cover(data, title, data.Plan.Title), body);
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
