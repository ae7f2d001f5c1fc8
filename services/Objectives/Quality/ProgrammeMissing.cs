using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Objectives.Quality;

/// <summary>
/// An objective of the plan's last level without a programme while the others have one (the DUP's 1.2.3,
/// printed with the placeholder 99999 "ND"): its spending cannot be found in the budget.
/// </summary>
public sealed class ProgrammeMissing() : QualityRule<PlanData>("objective.programme_missing", Severity.Warning,
    "Obiettivo dell'ultimo livello senza programma di bilancio", "Last-level objective without a budget programme")
{
    public override IEnumerable<RuleHit> Check(PlanData plan)
    {
        var leaves = plan.Objectives.Where(o => o.Depth == plan.LeafDepth && o.Depth > 0).ToList();
        if (!leaves.Any(o => o.ProgrammeCodes.Count > 0)) return [];
        return leaves.Where(o => o.ProgrammeCodes.Count == 0).Select(o => new RuleHit(o.Name, "programme_codes",
            $"L'obiettivo {o.Code} non ha un programma di bilancio, a differenza degli altri del suo livello.",
            $"Objective {o.Code} has no budget programme, unlike the others at its level."));
    }
}
