using Platform.Documents.Layout;
using Platform.Documents.Model;

namespace Platform.Documents.Documents;

/// <summary>The year's scorecard as Indicators computes it: per area totals and each objective's indicators.</summary>
public static class ScorecardBlocks
{
    public static Dictionary<string, ScorecardNode> Nodes(Scorecard? scorecard)
    {
        var nodes = new Dictionary<string, ScorecardNode>();
        void Walk(IEnumerable<ScorecardNode> level)
        {
            foreach (var node in level)
            {
                nodes[node.Objective] = node;
                Walk(node.Children);
            }
        }
        if (scorecard is not null) Walk(scorecard.Roots);
        return nodes;
    }

    private static string[] Counts(StatusCounts? c) => c is null ? ["0", "0", "0", "0", "0"]
        : [Italian.Integer(c.Achieved), Italian.Integer(c.PartiallyAchieved), Italian.Integer(c.NotAchieved), Italian.Integer(c.NotMeasured), Italian.Integer(c.NoTarget)];

    private static readonly string[] CountHeaders = ["Raggiunti", "Parzialmente raggiunti", "Non raggiunti", "Non misurati", "Senza target"];

    /// <summary>The opening of a yearly report: its heading and the totals per top-level objective.</summary>
    public static List<Block> Opening(PlanData data, string title, string anchor) =>
    [
        new Heading(1, title, anchor),
        new Heading(2, "Sintesi per area", "sintesi"),
        Areas(data, data.Plan.Levels.FirstOrDefault() ?? "Area"),
    ];

    /// <summary>A yearly report of the plan, with the plan's title on the cover under the report's.</summary>
    public static Document Report(PlanData data, string title, List<Block> body) =>
        new(title, CommonBlocks.Cover(data, title, data.Plan.Title), body);

    /// <summary>An objective of a yearly report: its description, latest progress report and the year's indicators.</summary>
    public static List<Block> Objective(PlanData data, Objective objective, Dictionary<string, ScorecardNode> nodes)
    {
        var blocks = new List<Block> { new Heading(3, $"{objective.Level} {objective.Code} - {objective.Title}", CommonBlocks.Anchor("o", objective.Code)) };
        if (objective.Description.Length > 0) blocks.Add(new Paragraph(objective.Description));
        blocks.AddRange(CommonBlocks.Report(data, objective));
        blocks.AddRange(Indicators(nodes.GetValueOrDefault(objective.Name), data.Year));
        return blocks;
    }

    /// <summary>Totals per area: score and indicators per status of each top-level objective, then the plan's.</summary>
    public static Table Areas(PlanData data, string levelName)
    {
        var rows = (data.Scorecard?.Roots ?? []).Select(r => new Row([$"{r.Code} - {r.Title}", Italian.Number(r.Score), .. Counts(r.SubtreeCounts)])).ToList();
        if (data.Scorecard is { } total) rows.Add(new Row(["Totale del piano", Italian.Number(total.Score), .. Counts(total.Counts)], Total: true));
        return new Table($"Sintesi per {levelName.ToLowerInvariant()} - anno {data.Year}", [levelName, "Punteggio %", .. CountHeaders], rows,
            Enumerable.Range(1, 6).ToHashSet());
    }

    /// <summary>The objective's own indicators for the year: target, actual, achievement and status.</summary>
    public static IEnumerable<Block> Indicators(ScorecardNode? node, int year)
    {
        if (node is null || node.Indicators.Count == 0) yield break;
        yield return new Table($"Indicatori {year} dell'obiettivo {node.Code}", ["Indicatore", "Target", "Consuntivo", "Raggiungimento %", "Stato"],
            node.Indicators.Select(i => new Row([i.Title + (i.Unit.Length > 0 ? $" ({i.Unit})" : ""), Italian.Number(i.Target), Italian.Number(i.Actual),
                Italian.Number(i.Achievement), Italian.Status(i.Status) + (i.ThresholdBreached ? " (soglia superata)" : "")])).ToList(),
            new HashSet<int> { 1, 2, 3 });
        if (node.Score.Length > 0) yield return new Paragraph(Italian.Number(node.Score) + " %", "Punteggio dell'obiettivo");
    }
}
