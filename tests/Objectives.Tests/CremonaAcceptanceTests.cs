using System.Text.Json;
using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Launcher.Demo;
using Platform.Spreadsheets.Records;

namespace Objectives.Tests;

/// <summary>
/// The real plans of the Comune di Cremona, loaded from the demo's import files (data/demo/import): the DUP
/// 2023-2025 through the streamed gRPC import and the 2007 development pact through the REST import, then read
/// back and compared with the tables extracted from the documents (data/demo/cremona-dup-2023-2025, ...).
/// </summary>
public sealed class CremonaAcceptanceTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private const string Tenant = "comune-di-cremona";
    private static readonly string Demo = Path.GetDirectoryName(CremonaDemo.Folder)!;

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Csv(string folder, string file) =>
        CsvRecords.Read(Path.Combine(Demo, folder, file));

    /// <summary>A "a; b" cell of the extracted tables as its items (a few cells use "||").</summary>
    private static IReadOnlyList<string> Split(string cell) =>
        cell.Split([";", "||"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The political owners as the DUP prints them ("a - b", "a – b", "a, b"), spellings kept: the demo loads what
    /// the document prints and the quality report points out Znacchi and Zancacchi.
    /// </summary>
    private static IReadOnlyList<string> PrintedOwners(string cell) =>
        System.Text.RegularExpressions.Regex.Split(cell, @"\s[-–]\s|,|;").Select(o => o.Trim().Replace(" (modificato)", ""))
            .Where(o => o.Length > 0).ToList();

    private static IEnumerable<PlanTreeNode> Flatten(IEnumerable<PlanTreeNode> nodes) =>
        nodes.SelectMany(n => Flatten(n.Children).Prepend(n));

    /// <summary>The DUP of <see cref="Tenant"/>, loaded once (loading again creates nothing), read back as a tree.</summary>
    private async Task<PlanTree> DupTreeAsync()
    {
        await CremonaDemo.LoadAsync(Grpc(Tenant), "dup-2023-2025", Cancellation);
        return await Grpc(Tenant).GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/dup-2023-2025" }, Call());
    }

    [Fact]
    public async Task The_DUP_imports_once_and_importing_again_replays_the_first_commit()
    {
        var grpc = Grpc("cremona-load-once");

        var first = await CremonaDemo.LoadAsync(grpc, "dup-2023-2025", Cancellation);
        var again = await CremonaDemo.LoadAsync(grpc, "dup-2023-2025", Cancellation);

        Assert.Equal([("objectives", 10L + 38 + 175), ("progress-reports", 171L)], first.SelectMany(s => s.WrittenByKind).Select(w => (w.Key, w.Value)));
        Assert.All(again, s => Assert.True(s.Replayed));
        Assert.Equal(223, (await grpc.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/dup-2023-2025" }, Call())).ObjectiveCount);
    }

    [Fact]
    public async Task The_DUP_tree_counts_its_levels_and_roots()
    {
        var tree = await DupTreeAsync();

        Assert.Equal(223, tree.ObjectiveCount);
        Assert.Equal(new Dictionary<string, int> { ["Linea di mandato"] = 10, ["Obiettivo strategico"] = 38, ["Obiettivo operativo"] = 175 },
            tree.CountByLevel.ToDictionary());
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], tree.Roots.Select(r => r.Objective.Code));
        Assert.Equal(213, tree.Roots.Sum(r => r.DescendantCount));
        Assert.Equal(223, Flatten(tree.Roots).ToDictionary(n => n.Objective.Code).Count);
    }

    [Fact]
    public async Task The_DUP_strategic_objectives_read_back_as_in_the_table()
    {
        var nodes = Flatten((await DupTreeAsync()).Roots).ToDictionary(n => n.Objective.Code);

        foreach (var s in Csv("cremona-dup-2023-2025", "objectives.csv"))
        {
            var node = nodes[s["code"]];
            Assert.Equal(s["name"], node.Objective.Title);
            Assert.Equal($"plans/dup-2023-2025/objectives/{s["area_code"]}", node.Objective.Parent);
            Assert.Equal(PrintedOwners(s["political_owner"]), node.Objective.PoliticalOwners);
            Assert.Equal(int.Parse(s["n_operational_objectives"]), node.DescendantCount);
            // The whole definition as the DUP prints it (’ where the table writes '), not the table's first 300 characters.
            Assert.Equal(int.Parse(s["definition_full_length"]), node.Objective.Description.Length);
            Assert.StartsWith(s["definition"][..200], node.Objective.Description.Replace('’', '\''), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_DUP_operational_cards_read_back_as_in_the_tables_with_their_yearly_actions()
    {
        var nodes = Flatten((await DupTreeAsync()).Roots).ToDictionary(n => n.Objective.Code);

        var actions = Csv("cremona-dup-2023-2025", "operational_actions.csv")
            .Where(a => a["kind"] == "action" && a["text"].Trim().Length > 0 && a["text"] != "[field absent in source]")
            .ToLookup(a => a["operational_objective_code"]);
        foreach (var o in Csv("cremona-dup-2023-2025", "operational_objectives.csv"))
        {
            var card = nodes[o["code"]].Objective;
            Assert.Equal("Obiettivo operativo", card.Level);
            Assert.Equal(2, card.Depth);
            Assert.Equal($"plans/dup-2023-2025/objectives/{o["strategic_objective_code"]}", card.Parent);
            Assert.Equal(o["name"], card.Title);
            Assert.Equal(PrintedOwners(o["political_owner"]), card.PoliticalOwners);
            Assert.Equal(o["objective_manager_normalized"], card.Manager);
            Assert.Equal(o["associated_sector"], card.LeadSector);
            Assert.Equal(Split(o["involved_sectors_split"]), card.InvolvedSectors);
            Assert.Equal(Split(o["gap_entities"]), card.Partners);
            // 99999 "ND" is the DUP's placeholder, not a budget code: the objective has none.
            Assert.Equal(o["mission_code"] == "99999" ? [] : [o["mission_code"]], card.MissionCodes);
            Assert.Equal(o["programme_code"] == "99999" ? [] : [o["programme_code"]], card.ProgrammeCodes);
            Assert.Equal(actions[o["code"]].ToDictionary(a => int.Parse(a["year"]), a => a["text"]), card.YearlyActions.ToDictionary());
        }
        Assert.Equal(actions.Sum(g => g.Count()), nodes.Values.Sum(n => n.Objective.YearlyActions.Count));
    }

    [Fact]
    public async Task The_DUP_mid_year_statuses_are_progress_reports_of_their_operational_objectives()
    {
        var nodes = Flatten((await DupTreeAsync()).Roots).ToDictionary(n => n.Objective.Code);

        var statuses = Csv("cremona-dup-2023-2025", "operational_actions.csv")
            .Where(a => a["kind"] == "mid_year_status" && a["text"].Length > 0 && a["text"] != "[field absent in source]").ToList();
        Assert.Equal(171, statuses.Count);
        Assert.Equal(171, nodes.Values.Count(n => n.Objective.LatestPeriod == "2022-H1"));
        foreach (var status in statuses.Take(40))
        {
            var report = await Grpc(Tenant).GetProgressReportAsync(new GetProgressReportRequest
            {
                Name = $"plans/dup-2023-2025/objectives/{status["operational_objective_code"]}/reports/2022-h1",
            }, Call());
            Assert.Equal(status["text"], report.StatusText);
        }
    }

    [Fact]
    public async Task The_mandate_lines_carry_their_five_ps()
    {
        var nodes = Flatten((await DupTreeAsync()).Roots).ToDictionary(n => n.Objective.Code);

        Assert.Equal(["PLANET"], nodes["1"].Objective.FivePs);
        Assert.Equal(["PROSPERITY", "PEACE", "PARTNERSHIP"], nodes["2"].Objective.FivePs);
        Assert.Equal(["PEOPLE"], nodes["10"].Objective.FivePs);
        Assert.All(Enumerable.Range(1, 10), line => Assert.NotEmpty(nodes[line.ToString()].Objective.FivePs));
    }

    [Fact]
    public async Task The_DUP_tree_and_a_card_read_the_same_over_rest()
    {
        var tree = await DupTreeAsync();
        var rest = Rest(Tenant);

        var json = await rest.GetJsonAsync("/v1/plans/dup-2023-2025:tree", Cancellation);

        Assert.Equal(223, json.GetProperty("objectiveCount").GetInt32());
        var restCodes = new List<string>();
        void Walk(JsonElement node)
        {
            restCodes.Add(node.GetProperty("objective").GetProperty("code").GetString()!);
            if (node.TryGetProperty("children", out var children))
                foreach (var child in children.EnumerateArray()) Walk(child);
        }
        foreach (var root in json.GetProperty("roots").EnumerateArray()) Walk(root);
        Assert.Equal(Flatten(tree.Roots).Select(n => n.Objective.Code), restCodes);
        var card511 = await rest.GetJsonAsync("/v1/plans/dup-2023-2025/objectives/5.1.11", Cancellation);
        var row511 = Csv("cremona-dup-2023-2025", "operational_objectives.csv").Single(o => o["code"] == "5.1.11");
        Assert.Equal(row511["objective_manager_normalized"], card511.GetProperty("manager").GetString());
        Assert.Equal(row511["programme_code"], card511.GetProperty("programmeCodes")[0].GetString());
    }

    [Fact]
    public async Task The_DUP_is_searchable_by_owner_sector_programme_and_text()
    {
        await DupTreeAsync();
        var grpc = Grpc(Tenant);
        var operational = Csv("cremona-dup-2023-2025", "operational_objectives.csv");
        var strategic = Csv("cremona-dup-2023-2025", "objectives.csv");

        async Task<List<string>> All(ListObjectivesRequest request)
        {
            request.Parent = "plans/dup-2023-2025";
            request.PageSize = 40;
            var codes = new List<string>();
            do
            {
                var page = await grpc.ListObjectivesAsync(request, Call());
                codes.AddRange(page.Objectives.Select(o => o.Code));
                request.PageToken = page.NextPageToken;
            } while (request.PageToken != "");
            return codes;
        }
        List<string> Expected(IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
            rows.Select(r => r["code"]).Order(Platform.Objectives.Objectives.ObjectiveCodes.NaturalOrder).ToList();

        var everything = await All(new ListObjectivesRequest());
        Assert.Equal(223, everything.Count);
        Assert.Equal(everything.Order(Platform.Objectives.Objectives.ObjectiveCodes.NaturalOrder), everything);

        Assert.Equal(
            Expected(strategic.Concat(operational).Where(r => PrintedOwners(r["political_owner"]).Contains("Zanacchi Luca"))),
            await All(new ListObjectivesRequest { Owner = "Zanacchi Luca" }));
        Assert.Equal(Expected(operational.Where(r => r["objective_manager_normalized"] == "Grossi Eugenia")),
            await All(new ListObjectivesRequest { Manager = "Grossi Eugenia" }));
        Assert.Equal(32, (await All(new ListObjectivesRequest { Manager = "Grossi Eugenia" })).Count);
        Assert.Equal(
            Expected(operational.Where(r => r["associated_sector"] == "Settore Politiche Sociali"
                || Split(r["involved_sectors_split"]).Contains("Settore Politiche Sociali"))),
            await All(new ListObjectivesRequest { Sector = "Settore Politiche Sociali" }));
        Assert.Equal(
            Expected(operational.Where(r => r["programme_code"] == "9.02")
                .Concat(strategic.Where(r => Split(r["programmes_1_3_4"]).Contains("9.02")))),
            await All(new ListObjectivesRequest { ProgrammeCode = "9.02" }));
        Assert.Equal(Expected(operational.Where(r => r["strategic_objective_code"] == "1.1")),
            await All(new ListObjectivesRequest { ParentObjective = "plans/dup-2023-2025/objectives/1.1" }));
        Assert.Equal(38, (await All(new ListObjectivesRequest { Level = "Obiettivo strategico" })).Count);
        var search = await All(new ListObjectivesRequest { Query = "TARIFFA PUNTUALE" });
        Assert.Contains("1.2.3", search);
    }

    [Fact]
    public async Task The_pact_imports_through_rest_into_a_development_pact_plan()
    {
        var rest = Rest(Tenant);
        var folder = Path.Combine(CremonaDemo.Folder, "patto-sviluppo-2007");
        var plan = JsonParser.Default.Parse<CreatePlanRequest>(await File.ReadAllTextAsync(Path.Combine(folder, "piano.json"), Cancellation));
        (await rest.PostJsonAsync($"/v1/plans?plan_id={plan.PlanId}", JsonFormatter.Default.Format(plan.Plan), Cancellation)).EnsureSuccessStatusCode();
        var events = await new ObjectiveFileCalls(Grpc(Tenant), rest, Cancellation).ImportAsync(true, new ImportChunk
        {
            Parent = "plans/patto-sviluppo-2007", Kind = "objectives", Mode = ImportMode.Commit, RequestId = "pact-rest", FileName = "obiettivi.csv",
            Content = ByteString.CopyFrom(await File.ReadAllBytesAsync(Path.Combine(folder, "obiettivi.csv"), Cancellation)),
        });
        Assert.True(events[^1].Summary.Committed, ImportCalls.Describe(events));

        var tree = await Grpc(Tenant).GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/patto-sviluppo-2007" }, Call());

        Assert.Equal(Plan.Types.Kind.DevelopmentPact, tree.Plan.Kind);
        Assert.Equal(new Dictionary<string, int> { ["Focus"] = 3, ["Asse strategico"] = 8, ["Azione emblematica"] = 16, ["Progetto"] = 168 },
            tree.CountByLevel.ToDictionary());
        var nodes = Flatten(tree.Roots).ToDictionary(n => n.Objective.Code);
        var actions = Csv("patto-cremona-2007", "emblematic_actions.csv");
        foreach (var axis in Csv("patto-cremona-2007", "axes.csv"))
        {
            var node = nodes[axis["axis_no"]];
            Assert.Equal(axis["title_in_list"], node.Objective.Title);
            // "0 (le 2 azioni del Tavolo 2 valgono per assi 2 e 6)": shared actions sit under axis 2.
            Assert.Equal(int.Parse(axis["n_emblematic_actions"].Split(' ')[0]),
                node.Children.Count(c => c.Objective.Level == "Azione emblematica"));
        }
        foreach (var action in actions)
            Assert.Equal(action["title"], nodes[action["ea_code"]].Objective.Title);
        foreach (var project in Csv("patto-cremona-2007", "projects.csv").Where(p => !p["item_type"].StartsWith("proposta progettuale di contesto", StringComparison.Ordinal)))
        {
            var card = nodes[project["project_id"]].Objective;
            Assert.Equal(project["title"], card.Title);
            Assert.Equal("Progetto", card.Level);
            var parent = project["emblematic_action_code"].Length > 0 ? project["emblematic_action_code"] : project["axis_no"].Split(';')[0];
            Assert.Equal($"plans/patto-sviluppo-2007/objectives/{parent}", card.Parent);
            Assert.Equal(Split(project["promoter_or_actors_in_text"]), card.Promoters);
            Assert.Equal(project["state_in_text"], card.ProjectState);
            Assert.Equal(project["funding_in_text"], card.CustomFields.GetValueOrDefault("finanziamento", ""));
            Assert.Equal(project["cost_eur"], card.EstimatedCost);
        }
        // What the pact is made of beyond its projects: promoters, partners and resources on each focus.
        Assert.All(tree.Roots, focus =>
        {
            Assert.Contains("Provincia di Cremona", focus.Objective.Promoters);
            Assert.Contains("Regione Lombardia", focus.Objective.Partners);
            Assert.Equal(2, focus.Objective.FundingSources.Count);
        });
        Assert.Contains("Cabina di regia", tree.Plan.Description, StringComparison.Ordinal);
        Assert.Equal(27, nodes["EA3.1"].DescendantCount);
    }
}
