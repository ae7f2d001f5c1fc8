using Platform.Finance.Lines;
using Platform.Objectives.V1;
using Platform.Reference;

namespace Platform.Finance.Funding;

/// <summary>
/// Joins objectives (their programme codes, from the Objectives service) with the spending appropriations of
/// a budget: money per programme by year and stage, how many objectives of the plan share each programme,
/// objectives whose programmes carry no money and programmes with money but no objective.
/// </summary>
public static class FundingCalculator
{
    public static ObjectiveFunding Compute(string budgetName, Ledger ledger, IReadOnlyList<Objective> planObjectives,
        IReadOnlyList<Objective> targets)
    {
        var spending = ledger.Lines.Where(l => l.KindValue == BudgetLine.Types.Kind.Spending && l.ProgrammeCode is not null).ToList();
        var moneyByProgramme = spending.GroupBy(l => l.ProgrammeCode!)
            .ToDictionary(g => g.Key, g => g.SelectMany(l => l.Amounts).ToList(), StringComparer.Ordinal);
        bool HasMoney(string programme) => moneyByProgramme.TryGetValue(programme, out var a) && a.Any(x => x.Appropriation != 0);

        var result = new ObjectiveFunding { Budget = budgetName };
        foreach (var programme in targets.SelectMany(o => o.ProgrammeCodes).Distinct().Order(StringComparer.Ordinal))
        {
            var sharing = planObjectives.Where(o => o.ProgrammeCodes.Contains(programme)).Select(o => o.Name).ToList();
            var funding = new ProgrammeFunding
            {
                ProgrammeCode = programme,
                MissionCode = BudgetClassification.National.Programmes.TryGetValue(programme, out var p) ? p.MissionCode : "",
                ProgrammeName = p?.Name ?? "",
                MissionName = p is not null && BudgetClassification.National.Missions.TryGetValue(p.MissionCode, out var mission) ? mission : "",
                ObjectiveCount = sharing.Count,
                Objectives = { sharing },
            };
            if (moneyByProgramme.TryGetValue(programme, out var amounts))
                funding.Amounts.AddRange(amounts.GroupBy(a => (a.Year, a.StageValue)).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.StageValue)
                    .Select(g => new LineAmount
                    {
                        Year = g.Key.Year, Stage = g.Key.StageValue,
                        Appropriation = AmountRow.Format(g.Sum(a => a.Appropriation)),
                    }));
            result.Programmes.Add(funding);
        }
        result.UnfundedObjectives.AddRange(targets
            .Where(o => o.ProgrammeCodes.Count > 0 && !o.ProgrammeCodes.Any(HasMoney)).Select(o => o.Name));
        var covered = planObjectives.SelectMany(o => o.ProgrammeCodes).ToHashSet(StringComparer.Ordinal);
        result.ProgrammesWithoutObjective.AddRange(moneyByProgramme.Keys.Where(p => HasMoney(p) && !covered.Contains(p))
            .Order(StringComparer.Ordinal));
        return result;
    }
}
