namespace Platform.Web.Api;

/// <summary>The objective tree as table rows, depth first, optionally only the objectives a filter keeps and their ancestors.</summary>
public static class TreeRows
{
    public static List<Objective> Of(IEnumerable<PlanTreeNode>? roots, PlanFilter filter)
    {
        var rows = new List<Objective>();
        foreach (var root in roots ?? []) Collect(root, filter, rows);
        return rows;
    }

    /// <summary>Every objective of the tree, depth first.</summary>
    public static IEnumerable<Objective> All(IEnumerable<PlanTreeNode>? roots) =>
        (roots ?? []).SelectMany(r => All(r.Children).Prepend(r.Objective));

    private static bool Collect(PlanTreeNode node, PlanFilter filter, List<Objective> rows)
    {
        var childMatched = false;
        var below = new List<Objective>();
        foreach (var child in node.Children ?? []) childMatched |= Collect(child, filter, below);
        if (!filter.IsEmpty && !filter.Matches(node.Objective) && !childMatched) return false;
        rows.Add(node.Objective);
        rows.AddRange(below);
        return true;
    }

    /// <summary>Every node of a scorecard by objective code.</summary>
    public static Dictionary<string, ScorecardNode> ByCode(IEnumerable<ScorecardNode>? roots)
    {
        var result = new Dictionary<string, ScorecardNode>();
        void Add(ScorecardNode node)
        {
            result[node.Code] = node;
            foreach (var child in node.Children ?? []) Add(child);
        }
        foreach (var root in roots ?? []) Add(root);
        return result;
    }
}
