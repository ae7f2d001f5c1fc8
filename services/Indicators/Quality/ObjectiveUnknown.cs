using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Indicators.Quality;

/// <summary>An indicator linked to an objective of the plan that the plan no longer has (deleted or recoded).</summary>
public sealed class ObjectiveUnknown() : QualityRule<PlanIndicators>("indicator.objective_unknown", Severity.Error,
    "Indicatore collegato a un obiettivo che il piano non ha", "Indicator linked to an objective the plan does not have")
{
    public override IEnumerable<RuleHit> Check(PlanIndicators plan)
    {
        var prefix = plan.PlanName + "/objectives/";
        foreach (var data in plan.Indicators)
            for (var i = 0; i < data.Indicator.Objectives.Count; i++)
            {
                var objective = data.Indicator.Objectives[i];
                if (!objective.StartsWith(prefix, StringComparison.Ordinal) || plan.ObjectiveNames.Contains(objective)) continue;
                yield return new RuleHit(data.Indicator.ResourceName, $"objectives[{i}]",
                    $"L'obiettivo collegato {objective} non esiste nel piano: è stato cancellato o ha cambiato codice.",
                    $"The linked objective {objective} is not in the plan: it was deleted or recoded.");
            }
    }
}
