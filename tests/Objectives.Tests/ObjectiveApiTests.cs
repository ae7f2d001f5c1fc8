using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace Objectives.Tests;

public sealed class ObjectiveApiTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private static readonly string[] Levels = ["Linea di mandato", "Obiettivo strategico", "Obiettivo operativo"];

    private async Task<Plan> PlanAsync(string id, bool freeCodes = false) =>
        await Grpc().CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = id,
            Plan = new Plan
            {
                Title = "DUP", Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025,
                Levels = { Levels }, FreeChildCodes = freeCodes,
            },
        }, Call());

    private async Task<Objective> AddAsync(string plan, string code, string? parent = null, Action<Objective>? card = null)
    {
        var objective = new Objective { Title = $"Obiettivo {code}", Parent = parent is null ? "" : $"plans/{plan}/objectives/{parent}" };
        card?.Invoke(objective);
        return await Grpc().CreateObjectiveAsync(new CreateObjectiveRequest { Parent = $"plans/{plan}", ObjectiveId = code, Objective = objective }, Call());
    }

    private Task<Objective> GetAsync(string plan, string code) =>
        Grpc().GetObjectiveAsync(new GetObjectiveRequest { Name = $"plans/{plan}/objectives/{code}" }, Call()).ResponseAsync;

    private Task<PlanTree> TreeAsync(string plan) =>
        Grpc().GetPlanTreeAsync(new GetPlanTreeRequest { Name = $"plans/{plan}" }, Call()).ResponseAsync;

    private Task<Platform.Common.V1.ListAuditEventsResponse> AuditEventsAsync(string parent) =>
        Grpc().ListAuditEventsAsync(new ListAuditEventsRequest { Parent = parent }, Call()).ResponseAsync;

    private async Task<IReadOnlyList<string>> RefusedAsync(string plan, string code, string? parent, Action<Objective> card)
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => AddAsync(plan, code, parent, card));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync(plan, code));
        return status.ViolatedFields();
    }

    /// <summary>A plan holding only the area <c>1</c>, for refusals that must leave it so.</summary>
    private async Task PlanWithOneAreaAsync(string plan)
    {
        await PlanAsync(plan);
        await AddAsync(plan, "1");
    }

    private async Task AssertOnlyTheAreaIsStoredAsync(string plan) => Assert.Equal(1, (await TreeAsync(plan)).ObjectiveCount);

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

        var json = await Rest().GetJsonAsync("/v1/plans/obj-card/objectives/1.2.3", Cancellation);
        Assert.Equal("Obiettivo operativo", json.GetProperty("level").GetString());
        Assert.Equal("9.03", json.GetProperty("programmeCodes")[0].GetString());
        Assert.Equal("Tariffa puntuale", json.GetProperty("yearlyActions").GetProperty("2023").GetString());
        Assert.Equal("1250000.50", json.GetProperty("estimatedCost").GetString());
    }

    [Fact]
    public async Task A_level_the_plan_does_not_have_is_refused()
    {
        await PlanWithOneAreaAsync("obj-bad-level");

        Assert.Equal(["objective.level"], await RefusedAsync("obj-bad-level", "2", null, o => o.Level = "Missione"));
        await AssertOnlyTheAreaIsStoredAsync("obj-bad-level");
    }

    [Fact]
    public async Task A_parent_in_another_plan_is_refused()
    {
        await PlanWithOneAreaAsync("obj-bad-parent");
        await PlanWithOneAreaAsync("obj-other");

        Assert.Equal(["objective.parent"], await RefusedAsync("obj-bad-parent", "1.1", null, o => o.Parent = "plans/obj-other/objectives/1"));
        await AssertOnlyTheAreaIsStoredAsync("obj-bad-parent");
    }

    [Fact]
    public async Task A_code_that_does_not_extend_the_parent_code_is_refused()
    {
        await PlanWithOneAreaAsync("obj-bad-child-code");

        Assert.Equal(["objective_id"], await RefusedAsync("obj-bad-child-code", "2.1", "1", _ => { }));
        await AssertOnlyTheAreaIsStoredAsync("obj-bad-child-code");
    }

    [Fact]
    public async Task A_malformed_code_is_refused()
    {
        await PlanWithOneAreaAsync("obj-bad-code");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => AddAsync("obj-bad-code", "1..2"));

        Assert.Equal(["objective_id"], status.ViolatedFields());
        await AssertOnlyTheAreaIsStoredAsync("obj-bad-code");
    }

    [Fact]
    public async Task Unknown_mission_and_programme_codes_are_refused()
    {
        await PlanWithOneAreaAsync("obj-bad-budget-codes");

        Assert.Equal(["objective.mission_codes", "objective.programme_codes"],
            await RefusedAsync("obj-bad-budget-codes", "3", null, o => { o.MissionCodes.Add("99999"); o.ProgrammeCodes.Add("9.99"); }));
        await AssertOnlyTheAreaIsStoredAsync("obj-bad-budget-codes");
    }

    [Fact]
    public async Task A_programme_outside_the_objective_missions_is_refused()
    {
        await PlanWithOneAreaAsync("obj-bad-programme");

        Assert.Equal(["objective.programme_codes"],
            await RefusedAsync("obj-bad-programme", "5", null, o => { o.MissionCodes.Add("9"); o.ProgrammeCodes.Add("12.04"); }));
        await AssertOnlyTheAreaIsStoredAsync("obj-bad-programme");
    }

    [Fact]
    public async Task An_sdg_goal_beyond_17_is_refused_over_grpc_and_rest()
    {
        await PlanWithOneAreaAsync("obj-bad-sdg");

        Assert.Equal(["objective.sdg_goals"], await RefusedAsync("obj-bad-sdg", "4", null, o => o.SdgGoals.Add(18)));
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest().PostJsonAsync(
            "/v1/plans/obj-bad-sdg/objectives?objective_id=7", """{"title":"SDG","sdgGoals":[18]}""", Cancellation));
        Assert.Equal(["objective.sdg_goals"], error.Fields);
        await AssertOnlyTheAreaIsStoredAsync("obj-bad-sdg");
    }

    [Fact]
    public async Task An_estimated_cost_that_is_not_a_decimal_is_refused()
    {
        await PlanWithOneAreaAsync("obj-bad-cost");

        Assert.Equal(["objective.estimated_cost"], await RefusedAsync("obj-bad-cost", "6", null, o => o.EstimatedCost = "1,5"));
        await AssertOnlyTheAreaIsStoredAsync("obj-bad-cost");
    }

    private async Task ThreeLevelsAsync(string plan)
    {
        await PlanAsync(plan);
        await AddAsync(plan, "1");
        await AddAsync(plan, "1.1", "1");
        await AddAsync(plan, "1.1.1", "1.1");
    }

    [Fact]
    public async Task Duplicate_code_is_already_exists()
    {
        await ThreeLevelsAsync("obj-dup");

        await ApiAssert.GrpcFailsAsync(StatusCode.AlreadyExists, () => AddAsync("obj-dup", "1.1", "1"));
    }

    [Fact]
    public async Task A_child_of_the_last_level_is_refused()
    {
        await ThreeLevelsAsync("obj-too-deep");

        Assert.Equal(["objective.parent"], await RefusedAsync("obj-too-deep", "1.1.1.1", "1.1.1", _ => { }));
    }

    /// <summary>Area 1 (owner Rossi) and 1.1, 1.2, 1.9, 1.10 under it, each with one field to filter on.</summary>
    private async Task ListedPlanAsync(string plan)
    {
        await PlanAsync(plan);
        await AddAsync(plan, "1", card: o => o.PoliticalOwners.Add("Rossi"));
        foreach (var code in new[] { "1.10", "1.9", "1.2", "1.1" })
            await AddAsync(plan, code, "1", o =>
            {
                o.Description = code == "1.9" ? "Riqualificazione del VERDE pubblico" : "";
                o.Manager = code == "1.2" ? "Bianchi" : "";
                o.LeadSector = code == "1.10" ? "Settore Cultura" : "";
                if (code == "1.1") { o.MissionCodes.Add("9"); o.ProgrammeCodes.Add("9.02"); o.SdgGoals.Add(15); }
            });
    }

    [Fact]
    public async Task List_pages_in_natural_code_order()
    {
        await ListedPlanAsync("obj-list");

        var codes = new List<string>();
        var token = "";
        do
        {
            var page = await Grpc().ListObjectivesAsync(new ListObjectivesRequest { Parent = "plans/obj-list", PageSize = 2, PageToken = token }, Call());
            codes.AddRange(page.Objectives.Select(o => o.Code));
            token = page.NextPageToken;
        } while (token != "");

        Assert.Equal(["1", "1.1", "1.2", "1.9", "1.10"], codes);
    }

    [Fact]
    public async Task List_filters_by_parent_level_owner_manager_sector_codes_goal_and_text_over_grpc_and_rest()
    {
        await ListedPlanAsync("obj-filter");
        async Task<IReadOnlyList<string>> Filter(ListObjectivesRequest request)
        {
            request.Parent = "plans/obj-filter";
            return (await Grpc().ListObjectivesAsync(request, Call())).Objectives.Select(o => o.Code).ToList();
        }

        Assert.Equal(["1.1", "1.2", "1.9", "1.10"], await Filter(new() { ParentObjective = "plans/obj-filter/objectives/1" }));
        Assert.Equal(["1"], await Filter(new() { Level = "Linea di mandato" }));
        Assert.Equal(["1"], await Filter(new() { Owner = "Rossi" }));
        Assert.Equal(["1.2"], await Filter(new() { Manager = "Bianchi" }));
        Assert.Equal(["1.10"], await Filter(new() { Sector = "Settore Cultura" }));
        Assert.Equal(["1.1"], await Filter(new() { MissionCode = "9" }));
        Assert.Equal(["1.1"], await Filter(new() { ProgrammeCode = "9.02" }));
        Assert.Equal(["1.1"], await Filter(new() { SdgGoal = 15 }));
        Assert.Equal(["1.9"], await Filter(new() { Query = "verde" }));
        Assert.Equal(["1.10"], await Filter(new() { Query = "1.10" }));
        var json = await Rest().GetJsonAsync("/v1/plans/obj-filter/objectives?sector=Settore%20Cultura", Cancellation);
        Assert.Equal("1.10", json.GetProperty("objectives")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_page_token_used_with_other_filters_is_invalid()
    {
        await ListedPlanAsync("obj-token-filters");

        var first = await Grpc().ListObjectivesAsync(new ListObjectivesRequest { Parent = "plans/obj-token-filters", PageSize = 1 }, Call());
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => Grpc().ListObjectivesAsync(
            new ListObjectivesRequest { Parent = "plans/obj-token-filters", PageSize = 1, PageToken = first.NextPageToken, Owner = "Rossi" }, Call()).ResponseAsync);

        Assert.Equal(["page_token"], status.ViolatedFields());
    }

    /// <summary>An objective created with a manager and a 2023 action, then updated on those two fields only.</summary>
    private async Task<(Objective Created, Objective Updated)> UpdatedObjectiveAsync(string plan)
    {
        await PlanAsync(plan);
        var created = await AddAsync(plan, "1", card: o => { o.Manager = "Donadio Giovanni"; o.YearlyActions[2023] = "Prima"; });
        var updated = await Grpc().UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective
            {
                Name = created.Name, Etag = created.Etag, Manager = "Grossi Eugenia", Title = "not masked",
                YearlyActions = { [2023] = "Seconda", [2024] = "Nuova" },
            },
            UpdateMask = new FieldMask { Paths = { "manager", "yearly_actions" } },
        }, Call());
        return (created, updated);
    }

    [Fact]
    public async Task Update_changes_only_the_masked_fields_and_bumps_the_etag()
    {
        var (_, updated) = await UpdatedObjectiveAsync("obj-update");

        Assert.Equal("Grossi Eugenia", updated.Manager);
        Assert.Equal("Obiettivo 1", updated.Title);
        Assert.Equal("W/\"2\"", updated.Etag);
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_aborted_over_grpc_and_rest_and_changes_nothing()
    {
        var (created, _) = await UpdatedObjectiveAsync("obj-stale");

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted, () => Grpc().UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective { Name = created.Name, Etag = created.Etag, Manager = "Stale" },
            UpdateMask = new FieldMask { Paths = { "manager" } },
        }, Call()).ResponseAsync);
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict, await Rest().PatchJsonAsync(
            "/v1/plans/obj-stale/objectives/1?update_mask=manager", $$"""{"manager":"Stale","etag":"W/\"1\""}""", Cancellation));
        Assert.Equal("ETAG_MISMATCH", error.Reason);
        Assert.Equal("Grossi Eugenia", (await GetAsync("obj-stale", "1")).Manager);
    }

    [Fact]
    public async Task Update_is_audited_with_old_and_new_values_of_each_field()
    {
        var (created, _) = await UpdatedObjectiveAsync("obj-audit");

        var events = await AuditEventsAsync(created.Name);

        Assert.Equal(["create", "update"], events.AuditEvents.Select(e => e.Action));
        Assert.Equal(
            [("manager", "Donadio Giovanni", "Grossi Eugenia"), ("yearly_actions.2023", "Prima", "Seconda"), ("yearly_actions.2024", null, "Nuova")],
            events.AuditEvents[1].Changes.Select(c => (c.Field, c.HasOldValue ? c.OldValue : null, c.HasNewValue ? c.NewValue : null)));
        Assert.Equal("tester", events.AuditEvents[1].Actor);
    }

    [Fact]
    public async Task The_plan_trail_includes_its_objectives_over_rest()
    {
        var (created, _) = await UpdatedObjectiveAsync("obj-plan-trail");

        var planEvents = await Rest().GetJsonAsync("/v1/plans/obj-plan-trail/auditEvents", Cancellation);

        Assert.Equal(["plans/obj-plan-trail", created.Name, created.Name],
            planEvents.GetProperty("auditEvents").EnumerateArray().Select(e => e.GetProperty("resource").GetString()));
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_etag_have_exactly_one_winner()
    {
        await PlanAsync("obj-race");
        var created = await AddAsync("obj-race", "1");

        var results = await Concurrent.StatusesAsync(8, i => Grpc().UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective { Name = created.Name, Etag = created.Etag, Title = $"Writer {i}" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call()).ResponseAsync);

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.Equal(7, results.Count(r => r == StatusCode.Aborted));
        Assert.Equal("W/\"2\"", (await GetAsync("obj-race", "1")).Etag);
    }

    [Fact]
    public async Task A_plan_is_published_only_once_approved()
    {
        var plan = await PlanAsync("obj-publish-early");

        var early = await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition,
            () => Grpc().PublishPlanAsync(new PublishPlanRequest { Name = plan.Name, Published = true }, Call()).ResponseAsync);

        Assert.Equal("PLAN_NOT_APPROVED", early.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
    }

    /// <summary>A plan taken through adopted and approved to published.</summary>
    private async Task<Plan> PublishedPlanAsync(string id)
    {
        var plan = await PlanAsync(id);
        await Grpc().TransitionPlanAsync(new TransitionPlanRequest { Name = plan.Name, State = Plan.Types.State.Adopted }, Call());
        var approved = await Grpc().TransitionPlanAsync(new TransitionPlanRequest { Name = plan.Name, State = Plan.Types.State.Approved }, Call());
        return await Grpc().PublishPlanAsync(new PublishPlanRequest { Name = plan.Name, Published = true, Etag = approved.Etag }, Call());
    }

    [Fact]
    public async Task An_approved_plan_is_published_and_its_lifecycle_does_not_move_back()
    {
        var published = await PublishedPlanAsync("obj-lifecycle");

        Assert.True(published.Published);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => Grpc().TransitionPlanAsync(
            new TransitionPlanRequest { Name = published.Name, State = Plan.Types.State.Draft }, Call()).ResponseAsync);
    }

    [Fact]
    public async Task An_archived_plan_refuses_every_change_and_keeps_its_content()
    {
        var plan = await PublishedPlanAsync("obj-archive");
        var objective = await AddAsync("obj-archive", "1");
        var archived = await (await Rest().PostJsonAsync("/v1/plans/obj-archive:transition", """{"state":"ARCHIVED"}""", Cancellation))
            .ReadJsonAsync(Cancellation);
        Assert.Equal("ARCHIVED", archived.GetProperty("state").GetString());

        var refused = await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => Grpc().UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective { Name = objective.Name, Title = "Changed" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call()).ResponseAsync);
        Assert.Equal("PLAN_ARCHIVED", refused.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => AddAsync("obj-archive", "2"));
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => Grpc().CreateProgressReportAsync(new CreateProgressReportRequest
        {
            Parent = objective.Name, Report = new ProgressReport { Period = "2024", State = ProgressReport.Types.State.Done },
        }, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => Grpc().UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = plan.Name, Title = "Changed" }, UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => Grpc().DeleteObjectiveAsync(
            new DeleteObjectiveRequest { Name = objective.Name }, Call()).ResponseAsync);
        Assert.Equal(objective, await GetAsync("obj-archive", "1"));
        Assert.Equal("DUP", (await Grpc().GetPlanAsync(new GetPlanRequest { Name = plan.Name }, Call())).Title);
    }

    /// <summary>1 &gt; 1.1 &gt; 1.1.1, and 2 beside them.</summary>
    private async Task SubtreeAsync(string plan)
    {
        await ThreeLevelsAsync(plan);
        await AddAsync(plan, "2");
    }

    [Fact]
    public async Task Delete_of_an_objective_with_children_is_refused_unless_forced()
    {
        await SubtreeAsync("obj-delete-refused");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.FailedPrecondition, () => Grpc().DeleteObjectiveAsync(
            new DeleteObjectiveRequest { Name = "plans/obj-delete-refused/objectives/1" }, Call()).ResponseAsync);

        Assert.Equal("HAS_CHILDREN", status.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        Assert.Equal(4, (await TreeAsync("obj-delete-refused")).ObjectiveCount);
    }

    [Fact]
    public async Task Forced_delete_removes_the_subtree_and_audits_each_objective()
    {
        await SubtreeAsync("obj-delete");

        Assert.Equal(HttpStatusCode.OK, (await Rest().DeleteAsync("/v1/plans/obj-delete/objectives/1?force=true", Cancellation)).StatusCode);

        Assert.Equal(["2"], (await TreeAsync("obj-delete")).Roots.Select(n => n.Objective.Code));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync("obj-delete", "1.1.1"));
        var events = await AuditEventsAsync("plans/obj-delete");
        Assert.Equal(["plans/obj-delete/objectives/1.1.1", "plans/obj-delete/objectives/1.1", "plans/obj-delete/objectives/1"],
            events.AuditEvents.Where(e => e.Action == "delete").Select(e => e.Resource));
    }

    private Task<Objective> MoveAsync(string name, string newParent) =>
        Grpc().MoveObjectiveAsync(new MoveObjectiveRequest { Name = name, NewParent = newParent }, Call()).ResponseAsync;

    [Fact]
    public async Task A_move_the_codes_do_not_allow_is_refused()
    {
        await ThreeLevelsAsync("obj-move");
        await AddAsync("obj-move", "2");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => MoveAsync("plans/obj-move/objectives/1.1", "plans/obj-move/objectives/2"));

        Assert.Equal(["new_parent"], status.ViolatedFields());
    }

    [Fact]
    public async Task A_move_under_its_own_descendant_is_refused()
    {
        await ThreeLevelsAsync("obj-move-cycle");

        var cycle = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => MoveAsync("plans/obj-move-cycle/objectives/1", "plans/obj-move-cycle/objectives/1.1.1"));

        Assert.Equal(["new_parent"], cycle.ViolatedFields());
    }

    [Fact]
    public async Task With_free_codes_a_move_re_parents_the_objective_updates_the_tree_and_is_audited()
    {
        // With free codes (the real DUP has 4.2.4 under 4.4) a move across codes is fine.
        await PlanAsync("obj-move-free", freeCodes: true);
        await AddAsync("obj-move-free", "4");
        await AddAsync("obj-move-free", "4.2", "4");
        await AddAsync("obj-move-free", "4.4", "4");
        var op = await AddAsync("obj-move-free", "4.2.4", "4.2");

        var moved = await (await Rest().PostJsonAsync("/v1/plans/obj-move-free/objectives/4.2.4:move",
            $$"""{"newParent":"plans/obj-move-free/objectives/4.4","etag":{{JsonSerializer.Serialize(op.Etag)}}}""", Cancellation)).ReadJsonAsync(Cancellation);

        Assert.Equal("plans/obj-move-free/objectives/4.4", moved.GetProperty("parent").GetString());
        var root = Assert.Single((await TreeAsync("obj-move-free")).Roots);
        Assert.Equal(["4.2", "4.4"], root.Children.Select(c => c.Objective.Code));
        Assert.Empty(root.Children[0].Children);
        Assert.Equal("4.2.4", Assert.Single(root.Children[1].Children).Objective.Code);
        Assert.Equal(3, root.DescendantCount);
        var move = (await AuditEventsAsync(op.Name)).AuditEvents.Single(e => e.Action == "move");
        Assert.Equal(("parent", "plans/obj-move-free/objectives/4.2", "plans/obj-move-free/objectives/4.4"),
            move.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)).Single());
    }

    private Task<ProgressReport> ReportAsync(Objective objective, ProgressReport report) =>
        Grpc().CreateProgressReportAsync(new CreateProgressReportRequest { Parent = objective.Name, Report = report }, Call()).ResponseAsync;

    [Fact]
    public async Task Progress_reports_set_the_latest_state_on_the_objective()
    {
        await PlanAsync("obj-report");
        var objective = await AddAsync("obj-report", "1");

        var first = await ReportAsync(objective,
            new ProgressReport { Period = "2022-H1", State = ProgressReport.Types.State.OnTrack, StatusText = "Potature eseguite" });
        Assert.Equal("plans/obj-report/objectives/1/reports/2022-h1", first.Name);
        Assert.Equal("tester", first.Author);
        var second = await (await Rest().PostJsonAsync("/v1/plans/obj-report/objectives/1/reports",
            """{"period":"2022","state":"AT_RISK","correctiveActions":"Nuovo appalto","author":"Donadio Giovanni"}""", Cancellation)).ReadJsonAsync(Cancellation);
        Assert.Equal("plans/obj-report/objectives/1/reports/2022", second.GetProperty("name").GetString());

        var current = await GetAsync("obj-report", "1");
        Assert.Equal(("AT_RISK", "2022"), (current.LatestState, current.LatestPeriod));
        Assert.Equal(objective.Etag, current.Etag);
        var list = await Grpc().ListProgressReportsAsync(new ListProgressReportsRequest { Parent = objective.Name }, Call());
        Assert.Equal(["2022-H1", "2022"], list.Reports.Select(r => r.Period));
    }

    [Fact]
    public async Task A_report_without_a_valid_period_and_state_is_refused_naming_both()
    {
        await PlanAsync("obj-report-invalid");
        var objective = await AddAsync("obj-report-invalid", "1");

        var bad = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => ReportAsync(objective, new ProgressReport { Period = "2022-S1" }));

        Assert.Equal(["report.period", "report.state"], bad.ViolatedFields());
    }

    [Fact]
    public async Task A_report_keeps_the_day_it_was_observed_and_refuses_a_day_that_does_not_exist()
    {
        await PlanAsync("obj-report-date");
        var objective = await AddAsync("obj-report-date", "1");

        var bad = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => ReportAsync(objective,
            new ProgressReport { Period = "2022-H1", State = ProgressReport.Types.State.OnTrack, AsOfDate = "2022-06-31" }));
        Assert.Equal(["report.as_of_date"], bad.ViolatedFields());
        var italian = await Rest().PostJsonAsync("/v1/plans/obj-report-date/objectives/1/reports",
            """{"period":"2022-H1","state":"ON_TRACK","asOfDate":"30/06/2022"}""", Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, italian.StatusCode);

        await ReportAsync(objective, new ProgressReport { Period = "2022-H1", State = ProgressReport.Types.State.OnTrack, AsOfDate = "2022-06-30" });
        var read = await (await Rest().GetAsync("/v1/plans/obj-report-date/objectives/1/reports/2022-h1", Cancellation)).ReadJsonAsync(Cancellation);
        Assert.Equal("2022-06-30", read.GetProperty("asOfDate").GetString());
    }

    [Fact]
    public async Task A_second_report_for_the_same_period_already_exists()
    {
        await PlanAsync("obj-report-twice");
        var objective = await AddAsync("obj-report-twice", "1");
        await ReportAsync(objective, new ProgressReport { Period = "2022", State = ProgressReport.Types.State.AtRisk });

        await ApiAssert.GrpcFailsAsync(StatusCode.AlreadyExists,
            () => ReportAsync(objective, new ProgressReport { Period = "2022", State = ProgressReport.Types.State.Done }));
    }

    /// <summary>
    /// Version v1 of a plan of 1, 1.1 and 1.2; then 1.1 changes title and owners, 1.2 goes, 1.10 comes, and v2 is taken.
    /// </summary>
    private async Task<(PlanVersion V1, PlanVersion V2, string Changed)> VersionedPlanAsync(string plan)
    {
        await PlanAsync(plan);
        await AddAsync(plan, "1");
        await AddAsync(plan, "1.1", "1", o => o.PoliticalOwners.Add("Zanacchi Luca"));
        var gone = await AddAsync(plan, "1.2", "1");
        var v1 = await Grpc().CreatePlanVersionAsync(new CreatePlanVersionRequest
        {
            Parent = $"plans/{plan}", Version = new PlanVersion { Description = "Approvato in consiglio" },
        }, Call());
        var changed = await GetAsync(plan, "1.1");
        await Grpc().UpdateObjectiveAsync(new UpdateObjectiveRequest
        {
            Objective = new Objective { Name = changed.Name, Title = "Piano verde", PoliticalOwners = { "Zanacchi Luca", "Manfredini Barbara" } },
            UpdateMask = new FieldMask { Paths = { "title", "political_owners" } },
        }, Call());
        await Grpc().DeleteObjectiveAsync(new DeleteObjectiveRequest { Name = gone.Name }, Call());
        await AddAsync(plan, "1.10", "1");
        var v2 = await Grpc().CreatePlanVersionAsync(new CreatePlanVersionRequest { Parent = $"plans/{plan}" }, Call());
        return (v1, v2, changed.Name);
    }

    [Fact]
    public async Task A_version_diffs_field_by_field_against_now_and_against_a_later_version()
    {
        var (v1, v2, changed) = await VersionedPlanAsync("obj-versions");

        Assert.Equal("plans/obj-versions/versions/v1", v1.Name);
        Assert.Equal(3, v1.ObjectiveCount);
        var againstNow = await Grpc().DiffPlanVersionsAsync(new DiffPlanVersionsRequest { Name = v1.Name }, Call());
        var diff = await Grpc().DiffPlanVersionsAsync(new DiffPlanVersionsRequest { Name = v1.Name, Other = v2.Name }, Call());
        foreach (var d in new[] { againstNow, diff })
        {
            Assert.Equal(["plans/obj-versions/objectives/1.10"], d.Added);
            Assert.Equal(["plans/obj-versions/objectives/1.2"], d.Removed);
            var change = Assert.Single(d.Changed);
            Assert.Equal(changed, change.Objective);
            Assert.Equal(
                [("political_owners", "Zanacchi Luca", "Zanacchi Luca; Manfredini Barbara"), ("title", "Obiettivo 1.1", "Piano verde")],
                change.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
        }
        var rest = await Rest().GetJsonAsync("/v1/plans/obj-versions/versions/v1:diff?other=plans/obj-versions/versions/v2", Cancellation);
        Assert.Equal("plans/obj-versions/objectives/1.10", rest.GetProperty("added")[0].GetString());
    }

    [Fact]
    public async Task A_stored_version_keeps_its_snapshot_and_lists_without_objectives()
    {
        var (v1, v2, _) = await VersionedPlanAsync("obj-snapshots");

        var stored = await Grpc().GetPlanVersionAsync(new GetPlanVersionRequest { Name = v1.Name }, Call());
        Assert.Equal(["1", "1.1", "1.2"], stored.Objectives.Select(o => o.Code));
        Assert.Equal("Obiettivo 1.1", stored.Objectives[1].Title);
        var listed = await Grpc().ListPlanVersionsAsync(new ListPlanVersionsRequest { Parent = "plans/obj-snapshots" }, Call());
        Assert.Equal([v1.Name, v2.Name], listed.Versions.Select(v => v.Name));
        Assert.All(listed.Versions, v => Assert.Empty(v.Objectives));
    }

    [Fact]
    public async Task Another_tenant_neither_sees_nor_changes_objectives()
    {
        await PlanAsync("obj-private");
        var objective = await AddAsync("obj-private", "1");
        var other = Grpc("comune-di-altrove");

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.GetObjectiveAsync(new GetObjectiveRequest { Name = objective.Name }, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.GetPlanTreeAsync(new GetPlanTreeRequest { Name = "plans/obj-private" }, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => other.CreateObjectiveAsync(new CreateObjectiveRequest
        {
            Parent = "plans/obj-private", ObjectiveId = "2", Objective = new Objective { Title = "Intruso" },
        }, Call()).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "plans/obj-private" }, Call()).ResponseAsync);
        Assert.Equal(1, (await TreeAsync("obj-private")).ObjectiveCount);
    }
}
