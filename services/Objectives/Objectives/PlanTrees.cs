using Platform.Objectives.Plans;

namespace Platform.Objectives.Objectives;

/// <summary>What the tree builder needs of an objective row, whichever columns the view read.</summary>
public interface ITreeRow
{
    string Code { get; }
    string? ParentCode { get; }
    string Level { get; }
    Objective ToProto();
}

/// <summary>A plan's objectives as a tree: built from the rows the store reads, and the subtree below one of them.</summary>
public static class PlanTrees
{
    /// <summary>Builds the tree of a plan from its rows (already in natural order), with descendant counts.</summary>
    public static PlanTree Build<TRow>(PlanRow plan, IReadOnlyList<TRow> rows) where TRow : ITreeRow
    {
        var tree = new PlanTree { Plan = plan.ToProto(), ObjectiveCount = rows.Count, Etag = plan.TreeEtag };
        var nodes = new Dictionary<string, PlanTreeNode>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows) nodes[row.Code] = new PlanTreeNode { Objective = row.ToProto() };
        foreach (var row in rows)
        {
            var node = nodes[row.Code];
            if (row.ParentCode is not null && nodes.TryGetValue(row.ParentCode, out var parent)) parent.Children.Add(node);
            else tree.Roots.Add(node);
            tree.CountByLevel[row.Level] = tree.CountByLevel.GetValueOrDefault(row.Level) + 1;
        }
        foreach (var root in tree.Roots) Count(root);
        return tree;

        static int Count(PlanTreeNode node)
        {
            var count = 0;
            foreach (var child in node.Children) count += 1 + Count(child);
            node.DescendantCount = count;
            return count;
        }
    }

    /// <summary>The answer to a revalidation whose etag is still the current one: nothing but the etag.</summary>
    public static PlanTree NotModified(PlanRow plan) => new() { Etag = plan.TreeEtag, NotModified = true };

    /// <summary>
    /// The rows in tree order (each parent before its children, siblings in natural order), so that a file
    /// written in this order imports back: a plan with free child codes may put <c>4.2.4</c> under <c>4.4</c>.
    /// </summary>
    public static IReadOnlyList<ObjectiveRow> ParentsFirst(IReadOnlyList<ObjectiveRow> rows)
    {
        var codes = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var children = rows.Where(r => r.ParentCode is not null && codes.Contains(r.ParentCode)).ToLookup(r => r.ParentCode!, StringComparer.Ordinal);
        var result = new List<ObjectiveRow>(rows.Count);
        foreach (var root in rows.Where(r => r.ParentCode is null || !codes.Contains(r.ParentCode))) Visit(root);
        return result;

        void Visit(ObjectiveRow row)
        {
            result.Add(row);
            foreach (var child in children[row.Code]) Visit(child);
        }
    }

    /// <summary>The objective and every one below it.</summary>
    public static IReadOnlyList<ObjectiveRow> Subtree(IReadOnlyList<ObjectiveRow> all, string code)
    {
        var children = all.Where(r => r.ParentCode is not null).ToLookup(r => r.ParentCode!, StringComparer.Ordinal);
        var result = new List<ObjectiveRow>();
        var stack = new Stack<ObjectiveRow>(all.Where(r => r.Code == code));
        while (stack.Count > 0)
        {
            var row = stack.Pop();
            result.Add(row);
            foreach (var child in children[row.Code]) stack.Push(child);
        }
        return result;
    }
}
