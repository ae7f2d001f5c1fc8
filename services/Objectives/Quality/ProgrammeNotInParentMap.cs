using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Objectives.Quality;

/// <summary>
/// An objective whose programme is not among its parent's (the DUP's 1.3.4 mission/programme map lists the
/// programmes of each strategic objective): the (programme, strategic objective) pair is missing from the map.
/// </summary>
public sealed class ProgrammeNotInParentMap() : QualityRule<PlanData>("objective.programme_not_in_parent_map", Severity.Warning,
    "Programma dell'obiettivo assente dalla mappa missioni/programmi dell'obiettivo padre",
    "Objective programme missing from its parent's mission/programme map")
{
    public override IEnumerable<RuleHit> Check(PlanData plan)
    {
        foreach (var objective in plan.Objectives)
        {
            if (plan.ParentOf(objective) is not { ProgrammeCodes.Count: > 0 } parent) continue;
            for (var i = 0; i < objective.ProgrammeCodes.Count; i++)
            {
                var programme = objective.ProgrammeCodes[i];
                if (parent.ProgrammeCodes.Contains(programme)) continue;
                var listed = string.Join(", ", parent.ProgrammeCodes);
                yield return new RuleHit(objective.Name, $"programme_codes[{i}]",
                    $"Il programma {programme} non compare nella mappa missioni/programmi dell'obiettivo {parent.Code} (che elenca {listed}).",
                    $"Programme {programme} is not in the mission/programme map of objective {parent.Code} (which lists {listed}).");
            }
        }
    }
}
