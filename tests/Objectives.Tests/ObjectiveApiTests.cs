using Google.Protobuf.WellKnownTypes;

namespace Objectives.Tests;

public sealed class ObjectiveApiTests : IClassFixture<ServiceFactory<ObjectivesGrpcService>>, IDisposable
{
    private static readonly string[] Levels = ["Linea di mandato", "Obiettivo strategico", "Obiettivo operativo"];
    private readonly ServiceFactory<ObjectivesGrpcService> _factory;
    private readonly ObjectivesService.ObjectivesServiceClient _grpc;
    private readonly HttpClient _rest;

    public ObjectiveApiTests(ServiceFactory<ObjectivesGrpcService> factory)
    {
        _factory = factory;
        _grpc = new ObjectivesService.ObjectivesServiceClient(factory.CreateGrpcChannel());
        _rest = factory.CreateRestClient();
    }

    public void Dispose() => Assert.Empty(_factory.Problems);

    private async Task<Plan> PlanAsync(string id, bool freeCodes = false) =>
        await _grpc.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = id,
            Plan = new Plan
            {
                Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025,
                Levels = { Levels }, FreeChildCodes = freeCodes,
            },
        });

    private async Task<Objective> AddAsync(string plan, string code, string? parent = null, Action<Objective>? card = null)
    {
        var objective = new Objective { Title = $"Obiettivo {code}", Parent = parent is null ? "" : $"plans/{plan}/objectives/{parent}" };
        card?.Invoke(objective);
        return await _grpc.CreateObjectiveAsync(new CreateObjectiveRequest { Parent = $"plans/{plan}", ObjectiveId = code, Objective = objective });
    }

    private Task<Objective> GetAsync(string plan, string code) =>
        _grpc.GetObjectiveAsync(new GetObjectiveRequest { Name = $"plans/{plan}/objectives/{code}" }).ResponseAsync;

    private async Task<IReadOnlyList<string>> RefusedAsync(string plan, string code, string? parent, Action<Objective> card)
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => AddAsync(plan, code, parent, card));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync(plan, code));
        return status.ViolatedFields();
    }

    [Fact]
    public async Task Level_is_derived_from_the_parent_and_the_card_reads_back_over_grpc_and_rest()
    {
        await PlanAsync("obj-card");
        await AddAsync("obj-card", "1");
        await AddAsync("obj-card", "1.2", "1");
        var created = await AddAsync("obj-card", "1.2.3", "1.2", o =>
        {
            o.PoliticalOwners.Add("Zanacchi Luca");
            o.Manager = "Donadio Giovanni";
            o.LeadSector = "Settore Ambiente";
            o.MissionCodes.Add("9");
            o.ProgrammeCodes.Add("9.03");
            o.SdgGoals.Add(11);
            o.FivePs.Add("PLANET");
            o.YearlyActions[2023] = "Tariffa puntuale";
            o.CustomFields["fonte"] = "DUP";
            o.Promoters.Add("Comune");
            o.EstimatedCost = "1250000.50";
        });

        Assert.Equal("Obiettivo operativo", created.Level);
        Assert.Equal(2, created.Depth);
        Assert.Equal("plans/obj-card/objectives/1.2", created.Parent);
        Assert.Equal("W/\"1\"", created.Etag);
        Assert.Equal(created, await GetAsync("obj-card", "1.2.3"));

        var json = await _rest.GetJsonAsync("/v1/plans/obj-card/objectives/1.2.3");
        Assert.Equal("Obiettivo operativo", json.GetProperty("level").GetString());
        Assert.Equal("9.03", json.GetProperty("programmeCodes")[0].GetString());
        Assert.Equal("Tariffa puntuale", json.GetProperty("yearlyActions").GetProperty("2023").GetString());
        Assert.Equal("1250000.50", json.GetProperty("estimatedCost").GetString());
    }

    [Fact]
    public async Task Bad_objectives_are_refused_with_field_violations_and_nothing_is_written()
    {
        await PlanAsync("obj-bad");
        await PlanAsync("obj-other");
        await AddAsync("obj-bad", "1");
        await AddAsync("obj-other", "1");

        Assert.Equal(["objective.level"], await RefusedAsync("obj-bad", "2", null, o => o.Level = "Missione"));
        Assert.Equal(["objective.parent"], await RefusedAsync("obj-bad", "1.1", null, o => o.Parent = "plans/obj-other/objectives/1"));
        Assert.Equal(["objective_id"], await RefusedAsync("obj-bad", "2.1", "1", _ => { }));
        Assert.Equal(["objective.mission_codes", "objective.programme_codes"],
            await RefusedAsync("obj-bad", "3", null, o => { o.MissionCodes.Add("99999"); o.ProgrammeCodes.Add("9.99"); }));
        Assert.Equal(["objective.sdg_goals"], await RefusedAsync("obj-bad", "4", null, o => o.SdgGoals.Add(18)));
        Assert.Equal(["objective.programme_codes"],
            await RefusedAsync("obj-bad", "5", null, o => { o.MissionCodes.Add("9"); o.ProgrammeCodes.Add("12.04"); }));
        Assert.Equal(["objective.estimated_cost"], await RefusedAsync("obj-bad", "6", null, o => o.EstimatedCost = "1,5"));
        var badCode = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => AddAsync("obj-bad", "1..2"));
        Assert.Equal(["objective_id"], badCode.ViolatedFields());

        // The same mistake over REST carries the same violation.
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await _rest.PostJsonAsync(
            "/v1/plans/obj-bad/objectives?objective_id=7", """{"title":"SDG","sdgGoals":[18]}"""));
        Assert.Equal(["objective.sdg_goals"], error.Fields);
        var tree = await _grpc.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/obj-bad" });
        Assert.Equal(1, tree.ObjectiveCount);
    }

    [Fact]
    public async Task Duplicate_code_is_already_exists_and_a_child_of_the_last_level_is_refused()
    {
        await PlanAsync("obj-dup");
        await AddAsync("obj-dup", "1");
        await AddAsync("obj-dup", "1.1", "1");
        await AddAsync("obj-dup", "1.1.1", "1.1");

        await ApiAssert.GrpcFailsAsync(StatusCode.AlreadyExists, () => AddAsync("obj-dup", "1.1", "1"));
        Assert.Equal(["objective.parent"], await RefusedAsync("obj-dup", "1.1.1.1", "1.1.1", _ => { }));
    }

    [Fact]
    public async Task List_is_in_natural_code_order_pages_and_filters()
    {
        await PlanAsync("obj-list");
        await AddAsync("obj-list", "1", card: o => o.PoliticalOwners.Add("Rossi"));
        foreach (var code in new[] { "1.10", "1.9", "1.2", "1.1" })
            await AddAsync("obj-list", code, "1", o =>
            {
                o.Description = code == "1.9" ? "Riqualificazione del VERDE pubblico" : "";
                o.Manager = code == "1.2" ? "Bianchi" : "";
                o.LeadSector = code == "1.10" ? "Settore Cultura" : "";
                if (code == "1.1") { o.MissionCodes.Add("9"); o.ProgrammeCodes.Add("9.02"); o.SdgGoals.Add(15); }
            });

        var codes = new List<string>();
        var token = "";
        do
        {
            var page = await _grpc.ListObjectivesAsync(new ListObjectivesRequest { Parent = "plans/obj-list", PageSize = 2, PageToken = token });
            codes.AddRange(page.Objectives.Select(o => o.Code));
            token = page.NextPageToken;
        } while (token != "");
        Assert.Equal(["1", "1.1", "1.2", "1.9", "1.10"], codes);

        async Task<IReadOnlyList<string>> Filter(ListObjectivesRequest request)
        {
            request.Parent = "plans/obj-list";
            return (await _grpc.ListObjectivesAsync(request)).Objectives.Select(o => o.Code).ToList();
        }
        Assert.Equal(["1.1", "1.2", "1.9", "1.10"], await Filter(new() { ParentObjective = "plans/obj-list/objectives/1" }));
        Assert.Equal(["1"], await Filter(new() { Level = "Linea di mandato" }));
        Assert.Equal(["1"], await Filter(new() { Owner = "Rossi" }));
        Assert.Equal(["1.2"], await Filter(new() { Manager = "Bianchi" }));
        Assert.Equal(["1.10"], await Filter(new() { Sector = "Settore Cultura" }));
        Assert.Equal(["1.1"], await Filter(new() { MissionCode = "9" }));
        Assert.Equal(["1.1"], await Filter(new() { ProgrammeCode = "9.02" }));
        Assert.Equal(["1.1"], await Filter(new() { SdgGoal = 15 }));
        Assert.Equal(["1.9"], await Filter(new() { Query = "verde" }));
        Assert.Equal(["1.10"], await Filter(new() { Query = "1.10" }));

        var json = await _rest.GetJsonAsync("/v1/plans/obj-list/objectives?sector=Settore%20Cultura");
        Assert.Equal("1.10", json.GetProperty("objectives")[0].GetProperty("code").GetString());

        var first = await _grpc.ListObjectivesAsync(new ListObjectivesRequest { Parent = "plans/obj-list", PageSize = 1 });
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => _grpc.ListObjectivesAsync(
            new ListObjectivesRequest { Parent = "plans/obj-list", PageSize = 1, PageToken = first.NextPageToken, Owner = "Rossi" }).ResponseAsync);
        Assert.Equal(["page_token"], status.ViolatedFields());
    }

    [Fact]
    public async Task Update_changes_masked_fields_audits_old_and_new_values_and_stale_etag_is_aborted()
    {
        await PlanAsync("obj-update");
        var created = await AddAsync("obj-update", "1", card: o => { o.Manager = "Donadio Giovanni"; o.YearlyActions[2023] = "Prima"; });

        var updated = await _grpc.UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective
            {
                Name = created.Name, Etag = created.Etag, Manager = "Grossi Eugenia", Title = "not masked",
                YearlyActions = { [2023] = "Seconda", [2024] = "Nuova" },
            },
            UpdateMask = new FieldMask { Paths = { "manager", "yearly_actions" } },
        });
        Assert.Equal("Grossi Eugenia", updated.Manager);
        Assert.Equal("Obiettivo 1", updated.Title);
        Assert.Equal("W/\"2\"", updated.Etag);

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted, () => _grpc.UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective { Name = created.Name, Etag = created.Etag, Manager = "Stale" },
            UpdateMask = new FieldMask { Paths = { "manager" } },
        }).ResponseAsync);
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict, await _rest.PatchJsonAsync(
            "/v1/plans/obj-update/objectives/1?update_mask=manager", $$"""{"manager":"Stale","etag":"W/\"1\""}"""));
        Assert.Equal("ETAG_MISMATCH", error.Reason);
        Assert.Equal("Grossi Eugenia", (await GetAsync("obj-update", "1")).Manager);

        var events = await _grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = created.Name });
        Assert.Equal(["create", "update"], events.AuditEvents.Select(e => e.Action));
        Assert.Equal(
            [("manager", "Donadio Giovanni", "Grossi Eugenia"), ("yearly_actions.2023", "Prima", "Seconda"), ("yearly_actions.2024", null, "Nuova")],
            events.AuditEvents[1].Changes.Select(c => (c.Field, c.HasOldValue ? c.OldValue : null, c.HasNewValue ? c.NewValue : null)));
        Assert.Equal("tester", events.AuditEvents[1].Actor);

        // The plan's trail includes its objectives'; REST reads the same.
        var planEvents = await _rest.GetJsonAsync("/v1/plans/obj-update/auditEvents");
        Assert.Equal(["plans/obj-update", created.Name, created.Name],
            planEvents.GetProperty("auditEvents").EnumerateArray().Select(e => e.GetProperty("resource").GetString()));
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_etag_have_exactly_one_winner()
    {
        await PlanAsync("obj-race");
        var created = await AddAsync("obj-race", "1");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await _grpc.UpdateObjectiveAsync(new UpdateObjectiveRequest
                {
                    Objective = new Objective { Name = created.Name, Etag = created.Etag, Title = $"Writer {i}" },
                    UpdateMask = new FieldMask { Paths = { "title" } },
                });
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.Equal(7, results.Count(r => r == StatusCode.Aborted));
        Assert.Equal("W/\"2\"", (await GetAsync("obj-race", "1")).Etag);
    }

    [Fact]
    public async Task Archived_plan_is_read_only_and_lifecycle_only_moves_forward()
    {
        var plan = await PlanAsync("obj-archive");
        var objective = await AddAsync("obj-archive", "1");

        var early = await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition,
            () => _grpc.PublishPlanAsync(new PublishPlanRequest { Name = plan.Name, Published = true }).ResponseAsync);
        Assert.Equal("PLAN_NOT_APPROVED", early.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        await _grpc.TransitionPlanAsync(new TransitionPlanRequest { Name = plan.Name, State = Plan.Types.State.Adopted });
        var approved = await _grpc.TransitionPlanAsync(new TransitionPlanRequest { Name = plan.Name, State = Plan.Types.State.Approved });
        var published = await _grpc.PublishPlanAsync(new PublishPlanRequest { Name = plan.Name, Published = true, Etag = approved.Etag });
        Assert.True(published.Published);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => _grpc.TransitionPlanAsync(
            new TransitionPlanRequest { Name = plan.Name, State = Plan.Types.State.Draft }).ResponseAsync);
        var archived = await (await _rest.PostJsonAsync("/v1/plans/obj-archive:transition", """{"state":"ARCHIVED"}""")).ReadJsonAsync();
        Assert.Equal("ARCHIVED", archived.GetProperty("state").GetString());

        var refused = await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => _grpc.UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective { Name = objective.Name, Title = "Changed" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }).ResponseAsync);
        Assert.Equal("PLAN_ARCHIVED", refused.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => AddAsync("obj-archive", "2"));
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => _grpc.CreateProgressReportAsync(new CreateProgressReportRequest
        {
            Parent = objective.Name, Report = new ProgressReport { Period = "2024", State = ProgressReport.Types.State.Done },
        }).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => _grpc.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = plan.Name, Title = "Changed" }, UpdateMask = new FieldMask { Paths = { "title" } },
        }).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => _grpc.DeleteObjectiveAsync(
            new DeleteObjectiveRequest { Name = objective.Name }).ResponseAsync);
        Assert.Equal(objective, await GetAsync("obj-archive", "1"));
        Assert.Equal("DUP", (await _grpc.GetPlanAsync(new GetPlanRequest { Name = plan.Name })).Title);
    }

    [Fact]
    public async Task Delete_refuses_children_unless_forced_and_force_removes_the_subtree()
    {
        await PlanAsync("obj-delete");
        await AddAsync("obj-delete", "1");
        await AddAsync("obj-delete", "1.1", "1");
        await AddAsync("obj-delete", "1.1.1", "1.1");
        await AddAsync("obj-delete", "2");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition,
            () => _grpc.DeleteObjectiveAsync(new DeleteObjectiveRequest { Name = "plans/obj-delete/objectives/1" }).ResponseAsync);
        Assert.Equal("HAS_CHILDREN", status.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        Assert.Equal(4, (await _grpc.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/obj-delete" })).ObjectiveCount);

        Assert.Equal(HttpStatusCode.OK, (await _rest.DeleteAsync("/v1/plans/obj-delete/objectives/1?force=true")).StatusCode);

        var tree = await _grpc.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/obj-delete" });
        Assert.Equal(["2"], tree.Roots.Select(n => n.Objective.Code));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync("obj-delete", "1.1.1"));
        var events = await _grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "plans/obj-delete" });
        Assert.Equal(["plans/obj-delete/objectives/1.1.1", "plans/obj-delete/objectives/1.1", "plans/obj-delete/objectives/1"],
            events.AuditEvents.Where(e => e.Action == "delete").Select(e => e.Resource));
    }

    [Fact]
    public async Task Move_rechecks_codes_and_levels_and_updates_depths()
    {
        await PlanAsync("obj-move");
        await AddAsync("obj-move", "1");
        await AddAsync("obj-move", "2");
        await AddAsync("obj-move", "1.1", "1");
        await AddAsync("obj-move", "1.1.1", "1.1");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => _grpc.MoveObjectiveAsync(
            new MoveObjectiveRequest { Name = "plans/obj-move/objectives/1.1", NewParent = "plans/obj-move/objectives/2" }).ResponseAsync);
        Assert.Equal(["new_parent"], status.ViolatedFields());
        var cycle = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => _grpc.MoveObjectiveAsync(
            new MoveObjectiveRequest { Name = "plans/obj-move/objectives/1", NewParent = "plans/obj-move/objectives/1.1.1" }).ResponseAsync);
        Assert.Equal(["new_parent"], cycle.ViolatedFields());

        // With free codes (the real DUP has 4.2.4 under 4.4) the same move is fine.
        await PlanAsync("obj-move-free", freeCodes: true);
        await AddAsync("obj-move-free", "4");
        await AddAsync("obj-move-free", "4.2", "4");
        await AddAsync("obj-move-free", "4.4", "4");
        var op = await AddAsync("obj-move-free", "4.2.4", "4.2");
        var moved = await (await _rest.PostJsonAsync("/v1/plans/obj-move-free/objectives/4.2.4:move",
            $$"""{"newParent":"plans/obj-move-free/objectives/4.4","etag":{{System.Text.Json.JsonSerializer.Serialize(op.Etag)}}}""")).ReadJsonAsync();
        Assert.Equal("plans/obj-move-free/objectives/4.4", moved.GetProperty("parent").GetString());
        var tree = await _grpc.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/obj-move-free" });
        var root = Assert.Single(tree.Roots);
        Assert.Equal(["4.2", "4.4"], root.Children.Select(c => c.Objective.Code));
        Assert.Empty(root.Children[0].Children);
        Assert.Equal("4.2.4", Assert.Single(root.Children[1].Children).Objective.Code);
        Assert.Equal(3, root.DescendantCount);
        var events = await _grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = op.Name });
        var move = events.AuditEvents.Single(e => e.Action == "move");
        Assert.Equal(("parent", "plans/obj-move-free/objectives/4.2", "plans/obj-move-free/objectives/4.4"),
            move.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)).Single());
    }

    [Fact]
    public async Task Progress_reports_set_the_latest_state_on_the_objective()
    {
        await PlanAsync("obj-report");
        var objective = await AddAsync("obj-report", "1");

        var first = await _grpc.CreateProgressReportAsync(new CreateProgressReportRequest
        {
            Parent = objective.Name,
            Report = new ProgressReport { Period = "2022-H1", State = ProgressReport.Types.State.OnTrack, StatusText = "Potature eseguite" },
        });
        Assert.Equal("plans/obj-report/objectives/1/reports/2022-h1", first.Name);
        Assert.Equal("tester", first.Author);
        var second = await (await _rest.PostJsonAsync("/v1/plans/obj-report/objectives/1/reports",
            """{"period":"2022","state":"AT_RISK","correctiveActions":"Nuovo appalto","author":"Donadio Giovanni"}""")).ReadJsonAsync();
        Assert.Equal("plans/obj-report/objectives/1/reports/2022", second.GetProperty("name").GetString());

        var current = await GetAsync("obj-report", "1");
        Assert.Equal(("AT_RISK", "2022"), (current.LatestState, current.LatestPeriod));
        Assert.Equal(objective.Etag, current.Etag);
        var list = await _grpc.ListProgressReportsAsync(new ListProgressReportsRequest { Parent = objective.Name });
        Assert.Equal(["2022-H1", "2022"], list.Reports.Select(r => r.Period));

        var bad = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => _grpc.CreateProgressReportAsync(new CreateProgressReportRequest
        {
            Parent = objective.Name, Report = new ProgressReport { Period = "2022-S1" },
        }).ResponseAsync);
        Assert.Equal(["report.period", "report.state"], bad.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.AlreadyExists, () => _grpc.CreateProgressReportAsync(new CreateProgressReportRequest
        {
            Parent = objective.Name, Report = new ProgressReport { Period = "2022", State = ProgressReport.Types.State.Done },
        }).ResponseAsync);
    }

    [Fact]
    public async Task Versions_snapshot_the_plan_and_diff_field_by_field()
    {
        await PlanAsync("obj-versions");
        await AddAsync("obj-versions", "1");
        await AddAsync("obj-versions", "1.1", "1", o => o.PoliticalOwners.Add("Zanacchi Luca"));
        var gone = await AddAsync("obj-versions", "1.2", "1");
        var v1 = await _grpc.CreatePlanVersionAsync(new CreatePlanVersionRequest
        {
            Parent = "plans/obj-versions", Version = new PlanVersion { Description = "Approvato in consiglio" },
        });
        Assert.Equal("plans/obj-versions/versions/v1", v1.Name);
        Assert.Equal(3, v1.ObjectiveCount);

        var changed = await GetAsync("obj-versions", "1.1");
        await _grpc.UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective { Name = changed.Name, Title = "Piano verde", PoliticalOwners = { "Zanacchi Luca", "Manfredini Barbara" } },
            UpdateMask = new FieldMask { Paths = { "title", "political_owners" } },
        });
        await _grpc.DeleteObjectiveAsync(new DeleteObjectiveRequest { Name = gone.Name });
        await AddAsync("obj-versions", "1.10", "1");

        var againstNow = await _grpc.DiffPlanVersionsAsync(new DiffPlanVersionsRequest { Name = v1.Name });
        var v2 = await _grpc.CreatePlanVersionAsync(new CreatePlanVersionRequest { Parent = "plans/obj-versions" });
        var diff = await _grpc.DiffPlanVersionsAsync(new DiffPlanVersionsRequest { Name = v1.Name, Other = v2.Name });

        foreach (var d in new[] { againstNow, diff })
        {
            Assert.Equal(["plans/obj-versions/objectives/1.10"], d.Added);
            Assert.Equal(["plans/obj-versions/objectives/1.2"], d.Removed);
            var change = Assert.Single(d.Changed);
            Assert.Equal(changed.Name, change.Objective);
            Assert.Equal(
                [("political_owners", "Zanacchi Luca", "Zanacchi Luca; Manfredini Barbara"), ("title", "Obiettivo 1.1", "Piano verde")],
                change.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
        }

        var stored = await _grpc.GetPlanVersionAsync(new GetPlanVersionRequest { Name = v1.Name });
        Assert.Equal(["1", "1.1", "1.2"], stored.Objectives.Select(o => o.Code));
        Assert.Equal("Obiettivo 1.1", stored.Objectives[1].Title);
        var rest = await _rest.GetJsonAsync("/v1/plans/obj-versions/versions/v1:diff?other=plans/obj-versions/versions/v2");
        Assert.Equal("plans/obj-versions/objectives/1.10", rest.GetProperty("added")[0].GetString());
        var listed = await _grpc.ListPlanVersionsAsync(new ListPlanVersionsRequest { Parent = "plans/obj-versions" });
        Assert.Equal([v1.Name, v2.Name], listed.Versions.Select(v => v.Name));
        Assert.All(listed.Versions, v => Assert.Empty(v.Objectives));
    }

    [Fact]
    public async Task Another_tenant_neither_sees_nor_changes_objectives()
    {
        await PlanAsync("obj-private");
        var objective = await AddAsync("obj-private", "1");
        var other = new ObjectivesService.ObjectivesServiceClient(_factory.CreateGrpcChannel("comune-di-altrove"));

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.GetObjectiveAsync(new GetObjectiveRequest { Name = objective.Name }).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/obj-private" }).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => other.CreateObjectiveAsync(new CreateObjectiveRequest
        {
            Parent = "plans/obj-private", ObjectiveId = "2", Objective = new Objective { Title = "Intruso" },
        }).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "plans/obj-private" }).ResponseAsync);
        Assert.Equal(1, (await _grpc.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/obj-private" })).ObjectiveCount);
    }
}
