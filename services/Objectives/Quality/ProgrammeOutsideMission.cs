using Platform.Quality.V1;
using Platform.Reference;
using Platform.ServiceDefaults.Quality;

namespace Platform.Objectives.Quality;

/// <summary>A programme that belongs to none of the objective's missions, or that D.Lgs. 118/2011 does not know.</summary>
public sealed class ProgrammeOutsideMission(BudgetClassification classification) : QualityRule<PlanData>(
    "objective.programme_outside_mission", Severity.Error,
    "Programma che non appartiene a nessuna delle missioni dell'obiettivo", "Programme outside the objective's missions")
{
    public ProgrammeOutsideMission() : this(BudgetClassification.National)
    {
    }

    public override IEnumerable<RuleHit> Check(PlanData plan)
    {
        foreach (var objective in plan.Objectives.Where(o => o.MissionCodes.Count > 0))
            for (var i = 0; i < objective.ProgrammeCodes.Count; i++)
            {
                var programme = objective.ProgrammeCodes[i];
                if (objective.MissionCodes.Any(m => classification.ProgrammeBelongsTo(programme, m))) continue;
                var missions = string.Join(", ", objective.MissionCodes);
                yield return new RuleHit(objective.Name, $"programme_codes[{i}]",
                    $"Il programma {programme} non appartiene alle missioni dell'obiettivo ({missions}).",
                    $"Programme {programme} does not belong to the objective's missions ({missions}).");
            }
    }
}
