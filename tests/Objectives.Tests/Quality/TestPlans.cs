using Platform.Objectives.Quality;

namespace Objectives.Tests.Quality;

/// <summary>Small plans for the rule tests: objectives given by code, parent and depth.</summary>
public static class TestPlans
{
    public const string Plan = "plans/p";

    public static string NameOf(string code) => $"{Plan}/objectives/{code}";

    /// <summary>An objective of <see cref="Plan"/>; without <paramref name="parent"/> a top-level one.</summary>
    public static Objective O(string code, string? parent = null, int? depth = null, string[]? missions = null, string[]? programmes = null) => new()
    {
        Name = NameOf(code), Code = code, Title = "Obiettivo " + code,
        Parent = parent is null ? "" : NameOf(parent),
        Depth = depth ?? (parent is null ? 0 : parent.Count(c => c == '.') + 1),
        MissionCodes = { missions ?? [] }, ProgrammeCodes = { programmes ?? [] },
    };

    public static PlanData Of(params Objective[] objectives) => new(new PlanTree
    {
        Plan = new Plan { Name = Plan, StartYear = 2023, EndYear = 2025 },
        Roots = { objectives.Select(o => new PlanTreeNode { Objective = o }) },
        ObjectiveCount = objectives.Length,
    });

    public static List<RuleHitView> Run(Platform.ServiceDefaults.Quality.QualityRule<PlanData> rule, PlanData plan) =>
        rule.Check(plan).Select(h => new RuleHitView(h.Resource, h.Field)).ToList();
}

/// <summary>Where a hit points, for assertions.</summary>
public sealed record RuleHitView(string Resource, string Field);
