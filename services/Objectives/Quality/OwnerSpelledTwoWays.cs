using Platform.Quality.V1;
using Platform.ServiceDefaults.Quality;

namespace Platform.Objectives.Quality;

/// <summary>
/// The same political owner or manager spelled two ways in one plan (the DUP's "Znacchi" for Zanacchi): the
/// rarer spelling is reported where it is used, naming the more common one.
/// </summary>
public sealed class OwnerSpelledTwoWays() : QualityRule<PlanData>("objective.owner_spelled_two_ways", Severity.Warning,
    "Stesso responsabile scritto in due modi", "The same owner spelled two ways")
{
    public override IEnumerable<RuleHit> Check(PlanData plan)
    {
        var uses = Uses(plan).ToList();
        var counts = uses.GroupBy(u => u.Person).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (objective, field, person) in uses)
        {
            var usual = counts.Keys.Where(other => TextChecks.SameNameSpelledTwoWays(person, other) && counts[other] > counts[person])
                .OrderByDescending(other => counts[other]).FirstOrDefault();
            if (usual is null) continue;
            yield return new RuleHit(objective.Name, field,
                $"«{person}» sembra la stessa persona di «{usual}», scritto così in {counts[usual]} obiettivi: uniformare il nome.",
                $"'{person}' looks like the same person as '{usual}', spelled that way in {counts[usual]} objectives: use one spelling.");
        }
    }

    private static IEnumerable<(Objective Objective, string Field, string Person)> Uses(PlanData plan)
    {
        foreach (var objective in plan.Objectives)
        {
            for (var i = 0; i < objective.PoliticalOwners.Count; i++)
                yield return (objective, $"political_owners[{i}]", objective.PoliticalOwners[i]);
            if (objective.Manager.Length > 0) yield return (objective, "manager", objective.Manager);
        }
    }
}
