namespace Platform.Objectives.Quality;

/// <summary>What the plan rules read: the plan's tree with each objective's parent at hand.</summary>
public sealed class PlanData
{
    private readonly Dictionary<string, Objective> _byName;

    public PlanData(PlanTree tree)
    {
        Tree = tree;
        Objectives = tree.Objectives().ToList();
        _byName = Objectives.ToDictionary(o => o.Name, StringComparer.Ordinal);
        LeafDepth = Objectives.Count == 0 ? 0 : Objectives.Max(o => o.Depth);
    }

    public PlanTree Tree { get; }

    public Plan Plan => Tree.Plan;

    /// <summary>Every objective in document order.</summary>
    public IReadOnlyList<Objective> Objectives { get; }

    /// <summary>Depth of the plan's last level (the DUP's operational objectives: 2).</summary>
    public int LeafDepth { get; }

    public Objective? ParentOf(Objective objective) =>
        objective.Parent.Length > 0 && _byName.TryGetValue(objective.Parent, out var parent) ? parent : null;
}
