using Platform.Objectives.Objectives;
using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Objectives.Quality;

/// <summary>An objective whose code does not extend its parent's (DUP 4.2.4 under 4.4), even where the plan allows it.</summary>
public sealed class CodeNotExtendingParent() : QualityRule<PlanData>("objective.code_not_extending_parent", Severity.Warning,
    "Codice dell'obiettivo che non estende quello del padre", "Objective code that does not extend its parent's")
{
    public override IEnumerable<RuleHit> Check(PlanData plan) =>
        from objective in plan.Objectives
        let parent = plan.ParentOf(objective)
        where parent is not null && !ObjectiveCodes.Extends(parent.Code, objective.Code)
        select new RuleHit(objective.Name, "code",
            $"Il codice {objective.Code} non inizia con quello dell'obiettivo padre {parent.Code}: l'obiettivo è forse sotto il padre sbagliato.",
            $"Code {objective.Code} does not start with its parent's code {parent.Code}: the objective may be under the wrong parent.");
}
