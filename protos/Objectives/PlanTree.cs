namespace Platform.Objectives.V1;

/// <summary>The one walk over a plan's tree, for the services and clients that read it.</summary>
public sealed partial class PlanTree
{
    /// <summary>Every node, depth first, each parent before its children (the order of the plan document).</summary>
    public IEnumerable<PlanTreeNode> Nodes() => Walk(Roots);

    /// <summary>Every objective of the plan, in document order.</summary>
    public IEnumerable<Objective> Objectives() => Nodes().Select(n => n.Objective);

    /// <summary>The node of the objective with <paramref name="code"/>, or null.</summary>
    public PlanTreeNode? FindByCode(string code) => Nodes().FirstOrDefault(n => n.Objective?.Code == code);

    private static IEnumerable<PlanTreeNode> Walk(IEnumerable<PlanTreeNode> nodes)
    {
        var stack = new Stack<PlanTreeNode>(nodes.Reverse());
        while (stack.TryPop(out var node))
        {
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--) stack.Push(node.Children[i]);
        }
    }
}
