namespace Platform.Web.Api;

/// <summary>The objective tree as table rows, depth first, optionally only the objectives a search finds and their ancestors.</summary>
public static class TreeRows
{
    public static List<Objective> Of(IEnumerable<PlanTreeNode>? roots, string? search)
    {
        var rows = new List<Objective>();
        foreach (var root in roots ?? []) Collect(root, search?.Trim() ?? "", rows);
        return rows;
    }

    private static bool Collect(PlanTreeNode node, string search, List<Objective> rows)
    {
        var childMatched = false;
        var below = new List<Objective>();
        foreach (var child in node.Children ?? []) childMatched |= Collect(child, search, below);
        var matched = search.Length == 0 || Matches(node.Objective, search) || childMatched;
        if (!matched) return false;
        rows.Add(node.Objective);
        rows.AddRange(below);
        return true;
    }

    private static bool Matches(Objective objective, string search) =>
        objective.Code.StartsWith(search, StringComparison.OrdinalIgnoreCase) ||
        search.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(word =>
            objective.Title.Contains(word, StringComparison.CurrentCultureIgnoreCase) ||
            objective.Description.Contains(word, StringComparison.CurrentCultureIgnoreCase));

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
