using Platform.Spreadsheets.Records;
using System.Text;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Objectives.V1;

namespace Platform.Launcher.Demo;

/// <summary>Demo plans of the Comune di Cremona: the DUP 2023-2025 and the 2007 development pact.</summary>
public static class ObjectivesDemo
{
    public static async Task<int> SeedAsync(GrpcChannel gateway, CancellationToken cancellationToken)
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(gateway);
        var demo = CremonaPlans.FindDemoDirectory(AppContext.BaseDirectory);
        return await CremonaPlans.LoadAsync(objectives, CremonaPlans.Dup(demo), cancellationToken)
            + await CremonaPlans.LoadAsync(objectives, CremonaPlans.Pact(demo), cancellationToken);
    }
}

/// <summary>An objective to create, with its code (the id).</summary>
public sealed record DemoObjective(string Code, Objective Objective);

/// <summary>A plan to create with its objectives, parents before children.</summary>
public sealed record DemoPlan(string PlanId, Plan Plan, IReadOnlyList<DemoObjective> Objectives)
{
    public string Name => $"plans/{PlanId}";
}

/// <summary>
/// Turns the tables extracted from the Cremona documents (<c>data/demo/cremona-dup-2023-2025</c>,
/// <c>data/demo/patto-cremona-2007</c>) into plans and objectives, and loads them through the public API.
/// Used by the launcher's demo data and by the Objectives acceptance tests.
/// </summary>
public static class CremonaPlans
{
    public const string DupId = "dup-2023-2025";
    public const string PactId = "patto-sviluppo-2007";
    /// <summary>What the DUP prints when an objective has no mission/programme: not a budget code.</summary>
    public const string NotDefined = "99999";
    private const string Absent = "[field absent in source]";

    public static readonly string[] DupLevels = ["Linea di mandato", "Obiettivo strategico", "Obiettivo operativo"];
    public static readonly string[] PactLevels = ["Focus", "Asse strategico", "Azione emblematica", "Progetto"];

    /// <summary>Walks up from <paramref name="start"/> to the repository's <c>data/demo</c> folder.</summary>
    public static string FindDemoDirectory(string start) =>
        DemoFiles.Find("data/demo/cremona-dup-2023-2025", start) is { } dup ? Path.GetDirectoryName(dup)!
        : throw new DirectoryNotFoundException($"No data/demo/cremona-dup-2023-2025 above {start}");

    /// <summary>The DUP: 10 mandate lines, 38 strategic and 175 operational objectives with their cards.</summary>
    public static DemoPlan Dup(string demoDirectory)
    {
        var folder = Path.Combine(demoDirectory, "cremona-dup-2023-2025");
        var strategic = Read(Path.Combine(folder, "objectives.csv"));
        var operational = Read(Path.Combine(folder, "operational_objectives.csv"));
        var actions = Read(Path.Combine(folder, "operational_actions.csv"))
            .Where(a => a["kind"] == "action" && a["text"].Trim().Length > 0 && a["text"] != Absent)
            .ToLookup(a => a["operational_objective_code"]);
        string Name(string code) => $"plans/{DupId}/objectives/{code}";

        var objectives = new List<DemoObjective>();
        foreach (var area in strategic.DistinctBy(s => s["area_code"]).OrderBy(s => int.Parse(s["area_code"])))
            objectives.Add(new(area["area_code"], new Objective { Title = area["area_name"] }));
        foreach (var s in strategic)
        {
            var programmes = Split(s["programmes_1_3_4"]).Where(p => p != NotDefined).ToList();
            objectives.Add(new(s["code"], new Objective
            {
                Title = s["name"],
                Description = s["definition"],
                Parent = Name(s["area_code"]),
                PoliticalOwners = { Split(s["political_owner_normalized"]) },
                ProgrammeCodes = { programmes },
                MissionCodes = { programmes.Select(p => p.Split('.')[0]).Distinct() },
                CustomFields = { ["fonte"] = $"DUP 2023-2025, sezione 1.3.3, riga {s["source_line"]}" },
            }));
        }
        foreach (var o in operational)
        {
            var objective = new Objective
            {
                Title = o["name"],
                Parent = Name(o["strategic_objective_code"]),
                PoliticalOwners = { Split(o["political_owner_normalized"]) },
                Manager = o["objective_manager_normalized"],
                LeadSector = o["associated_sector"],
                InvolvedSectors = { Split(o["involved_sectors_split"]) },
                Partners = { Split(o["gap_entities"]) },
                Stakeholders = { Split(o["stakeholders"]) },
                CustomFields = { ["fonte"] = $"DUP 2023-2025, sezione 2.1.2, riga {o["source_line"]}" },
            };
            if (o["mission_code"] != NotDefined) objective.MissionCodes.Add(o["mission_code"]);
            if (o["programme_code"] != NotDefined) objective.ProgrammeCodes.Add(o["programme_code"]);
            foreach (var action in actions[o["code"]])
                objective.YearlyActions[int.Parse(action["year"])] = action["text"];
            if (o["marked_modificato"] == "yes") objective.Tags.Add("modificato");
            objectives.Add(new(o["code"], objective));
        }

        return new DemoPlan(DupId, new Plan
        {
            Title = "Documento Unico di Programmazione 2023-2025 - Comune di Cremona",
            Kind = Plan.Types.Kind.Dup,
            StartYear = 2023,
            EndYear = 2025,
            Description = "Sezione strategica (mandato 2019-2024) e sezione operativa (2023-2025). Due obiettivi operativi "
                + "(4.2.4 sotto 4.4, 4.4.2 sotto 6.2) hanno un codice che non estende quello del padre: il piano non "
                + "impone la regola.",
            Levels = { DupLevels },
            FreeChildCodes = true,
        }, objectives);
    }

    /// <summary>The pact: focuses, 8 axes, 16 emblematic actions and the projects that belong to it.</summary>
    public static DemoPlan Pact(string demoDirectory)
    {
        var folder = Path.Combine(demoDirectory, "patto-cremona-2007");
        string Name(string code) => $"plans/{PactId}/objectives/{code}";
        var objectives = new List<DemoObjective>();

        var focusOfAxis = new Dictionary<string, string>();
        foreach (var focus in Read(Path.Combine(folder, "focuses.csv")).Where(f => f["focus_id"].StartsWith("FOC")))
        {
            var code = "F" + focus["order"];
            objectives.Add(new(code, new Objective
            {
                Title = focus["name"],
                Description = focus["description_quote"],
                CustomFields = { ["nota"] = "assi attribuiti per inferenza dal testo della vision" },
            }));
            foreach (var axis in Split(focus["axes_inferred"])) focusOfAxis[axis] = code;
        }
        foreach (var axis in Read(Path.Combine(folder, "axes.csv")))
            objectives.Add(new(axis["axis_no"], new Objective
            {
                Title = axis["title_in_list"],
                Description = axis["title_in_section_heading"],
                Parent = Name(focusOfAxis[axis["axis_no"]]),
                CustomFields = { ["tavolo"] = axis["tavolo"] },
            }));
        foreach (var action in Read(Path.Combine(folder, "emblematic_actions.csv")))
            objectives.Add(new(action["ea_code"], new Objective
            {
                Title = action["title"],
                Description = action["description_quote"],
                Parent = Name(Split(action["axis_no"])[0]),
                CustomFields = { ["assi"] = action["axis_no"], ["struttura"] = action["structure"] },
            }));
        foreach (var project in Read(Path.Combine(folder, "projects.csv")).Where(IsPactProject))
        {
            var parent = project["emblematic_action_code"].Length > 0
                ? project["emblematic_action_code"]
                : Split(project["axis_no"])[0];
            var objective = new Objective
            {
                Title = project["title"],
                Description = project["description_excerpt"],
                Parent = Name(parent),
                Level = "Progetto",
                Promoters = { Split(project["promoter_or_actors_in_text"]) },
                ProjectState = project["state_in_text"],
                EstimatedCost = project["cost_eur"],
                CustomFields = { ["tipo"] = project["item_type"] },
            };
            if (project["funding_in_text"].Length > 0) objective.FundingSources.Add(project["funding_in_text"]);
            foreach (var (column, key) in new[] { ("location_in_text", "luogo"), ("timing_in_text", "tempi"), ("group_in_text", "gruppo") })
                if (project[column].Length > 0) objective.CustomFields[key] = project[column];
            objectives.Add(new(project["project_id"], objective));
        }

        return new DemoPlan(PactId, new Plan
        {
            Title = "Patto per lo sviluppo del territorio cremonese",
            Kind = Plan.Types.Kind.DevelopmentPact,
            StartYear = 2007,
            EndYear = 2013,
            Description = "Un accordo per il futuro (luglio 2007): vision, assi strategici, azioni emblematiche e progetti.",
            Levels = { PactLevels },
            FreeChildCodes = true,
        }, objectives);
    }

    /// <summary>Rows of projects.csv that belong to the pact (not the large works cited only as context).</summary>
    public static bool IsPactProject(IReadOnlyDictionary<string, string> project) =>
        !project["item_type"].StartsWith("proposta progettuale di contesto", StringComparison.Ordinal);

    /// <summary>Creates the plan and each objective; what already exists is left as it is. Returns how many were created.</summary>
    public static async Task<int> LoadAsync(ObjectivesService.ObjectivesServiceClient client, DemoPlan plan,
        CancellationToken cancellationToken)
    {
        var created = await CreateAsync(() => client.CreatePlanAsync(
            new CreatePlanRequest { PlanId = plan.PlanId, Plan = plan.Plan }, cancellationToken: cancellationToken));
        foreach (var objective in plan.Objectives)
            created += await CreateAsync(() => client.CreateObjectiveAsync(new CreateObjectiveRequest
            {
                Parent = plan.Name, ObjectiveId = objective.Code, Objective = objective.Objective,
            }, cancellationToken: cancellationToken));
        return created;
    }

    private static async Task<int> CreateAsync<T>(Func<AsyncUnaryCall<T>> call)
    {
        try
        {
            await call();
            return 1;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            return 0;
        }
    }

    /// <summary>
    /// Splits a "a; b; c" cell into trimmed, non-empty values (a few cells of the extraction use "||" instead).
    /// </summary>
    public static IReadOnlyList<string> Split(string cell) =>
        cell.Split([";", "||"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Reads a UTF-8 CSV file (RFC 4180: quotes, doubled quotes, line breaks in quotes) into rows by header.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path) => CsvRecords.Read(path);
}
