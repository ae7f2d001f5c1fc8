namespace Objectives.Tests.Quality;

/// <summary>An objective to create, with its code (the id).</summary>
public sealed record DemoObjective(string Code, Objective Objective);

/// <summary>A plan to create with its objectives, parents before children.</summary>
public sealed record DemoPlan(string PlanId, Plan Plan, IReadOnlyList<DemoObjective> Objectives)
{
    public string Name => $"plans/{PlanId}";
}

/// <summary>A DUP shaped like Cremona's (10 lines, 38 strategic, 175 operational objectives) with no mistake in it.</summary>
public static class SyntheticPlans
{
    /// <summary>Creates the plan and each objective through the API.</summary>
    public static async Task CreateAsync(ObjectivesService.ObjectivesServiceClient client, DemoPlan plan, CancellationToken cancellationToken)
    {
        await client.CreatePlanAsync(new CreatePlanRequest { PlanId = plan.PlanId, Plan = plan.Plan }, cancellationToken: cancellationToken);
        foreach (var objective in plan.Objectives)
            await client.CreateObjectiveAsync(new CreateObjectiveRequest { Parent = plan.Name, ObjectiveId = objective.Code, Objective = objective.Objective },
                cancellationToken: cancellationToken);
    }

    private static readonly string[] Surnames = ["Bianchi", "Rossi", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "Costa"];
    private static readonly string[] Programmes = ["1.02", "4.02", "5.02", "6.01", "8.01", "9.02", "10.05", "12.04", "14.01", "15.01"];

    public static DemoPlan Clean(string planId)
    {
        string Name(string code) => $"plans/{planId}/objectives/{code}";
        var objectives = new List<DemoObjective>();
        var strategic = Enumerable.Range(0, 38).Select(i => (Area: i % 10 + 1, Index: i / 10 + 1)).ToList();
        foreach (var area in Enumerable.Range(1, 10))
            objectives.Add(new(area.ToString(), new Objective { Title = $"Linea strategica numero {area}" }));
        for (var s = 0; s < strategic.Count; s++)
        {
            var (area, index) = strategic[s];
            var programme = Programmes[area - 1];
            var code = $"{area}.{index}";
            objectives.Add(new(code, new Objective
            {
                Title = $"Piano {code}", Description = $"Il piano {code} realizza la linea strategica {area} del mandato.",
                Parent = Name(area.ToString()), PoliticalOwners = { $"{Surnames[area - 1]} Giulia" },
                ProgrammeCodes = { programme }, MissionCodes = { programme.Split('.')[0] },
            }));
        }
        for (var o = 0; o < 175; o++)
        {
            var (area, index) = strategic[o % strategic.Count];
            var programme = Programmes[area - 1];
            var code = $"{area}.{index}.{o / strategic.Count + 1}";
            objectives.Add(new(code, new Objective
            {
                Title = $"Obiettivo operativo {code}", Parent = Name($"{area}.{index}"),
                PoliticalOwners = { $"{Surnames[area - 1]} Giulia" }, Manager = $"{Surnames[10 - area]} Paolo",
                ProgrammeCodes = { programme }, MissionCodes = { programme.Split('.')[0] },
                YearlyActions = { [2023] = $"Avvio delle attività dell'obiettivo {code} secondo il cronoprogramma." },
            }));
        }
        return new DemoPlan(planId, new Plan
        {
            Title = "DUP sintetico senza errori", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025,
            Levels = { "Linea di mandato", "Obiettivo strategico", "Obiettivo operativo" },
        }, objectives);
    }
}
