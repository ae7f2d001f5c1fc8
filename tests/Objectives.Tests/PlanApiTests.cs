using System.Text.Json;
using Dapper;
using Google.Protobuf.WellKnownTypes;
using Platform.ServiceDefaults.Data;

namespace Objectives.Tests;

public sealed class PlanApiTests(ServiceFactory<ObjectivesGrpcService> factory)
    : ObjectivesTest(factory), IClassFixture<ServiceFactory<ObjectivesGrpcService>>
{
    private static Plan NewPlan(string title = "DUP 2023-2025") =>
        new() { Title = title, Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Description = "Cremona" };

    private Task<Plan> CreateAsync(string id, Plan? plan = null) =>
        Grpc().CreatePlanAsync(new CreatePlanRequest { PlanId = id, Plan = plan ?? NewPlan() }, Call()).ResponseAsync;

    private Task<Plan> GetAsync(string name, ObjectivesService.ObjectivesServiceClient? grpc = null) =>
        (grpc ?? Grpc()).GetPlanAsync(new GetPlanRequest { Name = name }, Call()).ResponseAsync;

    private Task<Plan> RenameAsync(Plan plan, string title, string etag = "", ObjectivesService.ObjectivesServiceClient? grpc = null) =>
        (grpc ?? Grpc()).UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = plan.Name, Title = title, Etag = etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call()).ResponseAsync;

    private async Task<List<(string Action, string Actor, string Changes)>> AuditEventsAsync(string resource, string action = "") =>
        (await Service<Database>().QueryAsync<(string Action, string Actor, string Changes)>(
            "SELECT action, actor, changes FROM audit_events WHERE tenant_id = 'demo' AND resource = @resource AND (@action = '' OR action = @action) ORDER BY id",
            new { resource, action }, Cancellation)).ToList();

    [Fact]
    public async Task Created_plan_reads_back_over_grpc_and_rest()
    {
        var created = await CreateAsync("dup-read-back");

        Assert.Equal("plans/dup-read-back", created.Name);
        Assert.Equal("W/\"1\"", created.Etag);
        Assert.Equal("tester", created.UpdateUser);
        Assert.Equal(created, await GetAsync("plans/dup-read-back"));

        var json = await Rest().GetJsonAsync("/v1/plans/dup-read-back", Cancellation);
        Assert.Equal("DUP 2023-2025", json.GetProperty("title").GetString());
        Assert.Equal("DUP", json.GetProperty("kind").GetString());
        Assert.Equal(2023, json.GetProperty("startYear").GetInt32());
        Assert.Equal(created.Etag, json.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task Rest_create_takes_the_id_from_the_query_string()
    {
        var response = await Rest().PostJsonAsync("/v1/plans?plan_id=peg-2024",
            """{"title":"PEG 2024","kind":"PEG","startYear":2024,"endYear":2024}""", Cancellation);
        var json = await response.ReadJsonAsync(Cancellation);

        Assert.Equal("plans/peg-2024", json.GetProperty("name").GetString());
        Assert.Equal(Plan.Types.Kind.Peg, (await GetAsync("plans/peg-2024")).Kind);
    }

    [Fact]
    public async Task List_pages_through_every_plan_in_id_order()
    {
        var grpc = Grpc("paging-tenant");
        foreach (var id in new[] { "p-c", "p-a", "p-e", "p-b", "p-d" })
            await grpc.CreatePlanAsync(new CreatePlanRequest { PlanId = id, Plan = NewPlan() }, Call());

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await grpc.ListPlansAsync(new ListPlansRequest { PageSize = 2, PageToken = token }, Call());
            seen.AddRange(page.Plans.Select(p => p.Name));
            token = page.NextPageToken;
            pages++;
        } while (token != "");

        Assert.Equal(["plans/p-a", "plans/p-b", "plans/p-c", "plans/p-d", "plans/p-e"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Invalid_plan_is_refused_with_every_field_violation_and_nothing_is_written()
    {
        var bad = new Plan { Title = " ", Kind = Plan.Types.Kind.Unspecified, StartYear = 2026, EndYear = 2025 };

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => Grpc().CreatePlanAsync(new CreatePlanRequest { PlanId = "Bad Id", Plan = bad }, Call()).ResponseAsync);

        Assert.Equal(["plan_id", "plan.title", "plan.kind", "plan.end_year"], status.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync("plans/bad-id"));
    }

    [Fact]
    public async Task Rest_reports_the_same_violations_as_grpc()
    {
        var response = await Rest().PostJsonAsync("/v1/plans?plan_id=rest-invalid",
            """{"title":"","kind":"DUP","startYear":2026,"endYear":2025}""", Cancellation);

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(3, error.Code);
        Assert.Equal("INVALID_ARGUMENT", error.Reason);
        Assert.Equal(["plan.title", "plan.end_year"], error.Fields);
        Assert.Equal(HttpStatusCode.NotFound, (await Rest().GetAsync("/v1/plans/rest-invalid", Cancellation)).StatusCode);
    }

    [Theory]
    [InlineData("""{"title":""", "plan")]
    [InlineData("""{"title":"T","kind":"DUP","startYear":2023,"endYear":2025,"titel":"typo"}""", "plan.titel")]
    [InlineData("""{"title":"T","kind":"NOT_A_KIND","startYear":2023,"endYear":2025}""", "plan.kind")]
    [InlineData("""{"title":"T","kind":"DUP","startYear":"soon","endYear":2025}""", "plan.start_year")]
    [InlineData("""{"title":"T","kind":"DUP","startYear":{"year":2023},"endYear":2025}""", "plan.start_year")]
    [InlineData("""["not","an","object"]""", "plan")]
    public async Task Malformed_json_is_a_400_that_names_the_field(string body, string field)
    {
        var response = await Rest().PostJsonAsync("/v1/plans?plan_id=malformed", body, Cancellation);

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal([field], error.Fields);
        Assert.Equal(HttpStatusCode.NotFound, (await Rest().GetAsync("/v1/plans/malformed", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_year_written_as_a_json_string_is_read_as_the_number()
    {
        var json = await (await Rest().PostJsonAsync("/v1/plans?plan_id=quoted-year",
            """{"title":"T","kind":"DUP","startYear":"2027","endYear":"2029"}""", Cancellation)).ReadJsonAsync(Cancellation);

        Assert.Equal(2027, json.GetProperty("startYear").GetInt32());
    }

    [Theory]
    [InlineData("/v1/plans?pagesize=2", "pagesize")]
    [InlineData("/v1/plans?page_size=2&pageTokn=x", "pageTokn")]
    [InlineData("/v1/plans/some-plan?view=BASIC", "view")]
    public async Task Unknown_query_parameters_are_a_400_that_names_them(string url, string field)
    {
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest().GetAsync(url, Cancellation));

        Assert.Equal([field], error.Fields);
    }

    [Theory]
    [InlineData("/v1/plans?page_size=2")]
    [InlineData("/v1/plans?pageSize=2&ente=demo")]
    public async Task Known_query_parameters_in_either_spelling_are_accepted(string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await Rest().GetAsync(url, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Duplicate_id_is_already_exists_over_both_protocols()
    {
        await CreateAsync("dup-twice");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.AlreadyExists, () => CreateAsync("dup-twice"));
        Assert.Equal("ALREADY_EXISTS", status.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        var response = await Rest().PostJsonAsync("/v1/plans?plan_id=dup-twice",
            """{"title":"Again","kind":"DUP","startYear":2023,"endYear":2025}""", Cancellation);
        await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict, response);
    }

    [Fact]
    public async Task Unknown_plan_is_not_found_over_grpc_and_rest()
    {
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync("plans/nowhere"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Rest().GetAsync("/v1/plans/nowhere", Cancellation));
    }

    [Fact]
    public async Task A_name_that_is_not_a_plan_name_is_invalid_naming_the_name()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => GetAsync("budgets/x"));

        Assert.Equal(["name"], status.ViolatedFields());
    }

    [Fact]
    public async Task Update_changes_only_masked_fields_and_bumps_the_etag()
    {
        var created = await CreateAsync("dup-update");

        var updated = await Grpc().UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Title = "Renamed", Description = "ignored", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }, Call());

        Assert.Equal("Renamed", updated.Title);
        Assert.Equal("Cremona", updated.Description);
        Assert.Equal("W/\"2\"", updated.Etag);
    }

    [Fact]
    public async Task Rest_patch_reads_update_mask_from_the_query_string()
    {
        await CreateAsync("dup-patch");

        var json = await (await Rest().PatchJsonAsync("/v1/plans/dup-patch?updateMask=description,endYear",
            """{"description":"Nuova descrizione","endYear":2026,"title":"not masked"}""", Cancellation)).ReadJsonAsync(Cancellation);

        Assert.Equal("Nuova descrizione", json.GetProperty("description").GetString());
        Assert.Equal(2026, json.GetProperty("endYear").GetInt32());
        Assert.Equal("DUP 2023-2025", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_update_mask_field_is_refused_over_both_protocols_and_nothing_changes()
    {
        var created = await CreateAsync("dup-bad-mask");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => Grpc().UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Title = "X" },
            UpdateMask = new FieldMask { Paths = { "title", "owner" } },
        }, Call()).ResponseAsync);
        Assert.Equal(["update_mask"], status.ViolatedFields());

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await Rest().PatchJsonAsync("/v1/plans/dup-bad-mask?update_mask=owner", """{"title":"X"}""", Cancellation));
        Assert.Equal(["update_mask"], error.Fields);
        Assert.Equal(created, await GetAsync(created.Name));
    }

    [Fact]
    public async Task Update_that_breaks_a_rule_is_refused()
    {
        var created = await CreateAsync("dup-bad-years");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => Grpc().UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, EndYear = 2020 },
            UpdateMask = new FieldMask { Paths = { "end_year" } },
        }, Call()).ResponseAsync);

        Assert.Equal(["plan.end_year"], status.ViolatedFields());
        Assert.Equal(created, await GetAsync(created.Name));
    }

    [Fact]
    public async Task Stale_etag_is_aborted_409()
    {
        var created = await CreateAsync("dup-stale");
        await RenameAsync(created, "First", created.Etag);

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted, () => RenameAsync(created, "Second", created.Etag));
        var response = await Rest().PatchJsonAsync("/v1/plans/dup-stale?update_mask=title",
            $$"""{"title":"Third","etag":{{JsonSerializer.Serialize(created.Etag)}}}""", Cancellation);
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict, response);
        Assert.Equal("ETAG_MISMATCH", error.Reason);
        Assert.Equal("First", (await GetAsync(created.Name)).Title);
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_etag_have_exactly_one_winner()
    {
        var created = await CreateAsync("dup-race");

        var results = await Concurrent.StatusesAsync(8, i => RenameAsync(created, $"Writer {i}", created.Etag));

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.Equal(7, results.Count(r => r == StatusCode.Aborted));
        Assert.Equal("W/\"2\"", (await GetAsync(created.Name)).Etag);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_is_aborted_and_keeps_the_plan()
    {
        var created = await CreateAsync("dup-delete-stale");

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted,
            () => Grpc().DeletePlanAsync(new DeletePlanRequest { Name = created.Name, Etag = "W/\"9\"" }, Call()).ResponseAsync);

        Assert.Equal(created, await GetAsync(created.Name));
    }

    [Fact]
    public async Task Deleted_plan_is_not_found_over_grpc_and_rest()
    {
        var created = await CreateAsync("dup-delete");

        await Grpc().DeletePlanAsync(new DeletePlanRequest { Name = created.Name, Etag = created.Etag }, Call());

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync(created.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await Rest().DeleteAsync("/v1/plans/dup-delete", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Another_tenant_neither_sees_nor_changes_the_plan()
    {
        var created = await CreateAsync("dup-private");
        var other = Grpc("comune-di-altrove");

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync(created.Name, other));
        Assert.DoesNotContain((await other.ListPlansAsync(new ListPlansRequest(), Call())).Plans, p => p.Name == created.Name);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => RenameAsync(created, "Hijacked", grpc: other));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.DeletePlanAsync(new DeletePlanRequest { Name = created.Name }, Call()).ResponseAsync);
        Assert.Equal("DUP 2023-2025", (await GetAsync(created.Name)).Title);
    }

    [Fact]
    public async Task Another_tenant_may_use_the_same_id_for_its_own_plan()
    {
        var created = await CreateAsync("dup-same-id");

        await Grpc("comune-di-altrove").CreatePlanAsync(new CreatePlanRequest { PlanId = "dup-same-id", Plan = NewPlan("Altrove") }, Call());

        Assert.Equal("DUP 2023-2025", (await GetAsync(created.Name)).Title);
    }

    [Fact]
    public async Task Garbage_page_token_is_invalid()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => Grpc().ListPlansAsync(new ListPlansRequest { PageToken = "not-a-token" }, Call()).ResponseAsync);

        Assert.Equal(["page_token"], status.ViolatedFields());
    }

    [Fact]
    public async Task Negative_page_size_is_invalid()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => Grpc().ListPlansAsync(new ListPlansRequest { PageSize = -1 }, Call()).ResponseAsync);

        Assert.Equal(["page_size"], status.ViolatedFields());
    }

    [Fact]
    public async Task Every_change_writes_an_audit_event_with_old_and_new_values()
    {
        var created = await CreateAsync("dup-audited");
        await RenameAsync(created, "Audited", created.Etag);
        await Grpc().DeletePlanAsync(new DeletePlanRequest { Name = created.Name }, Call());

        var events = await AuditEventsAsync("plans/dup-audited");

        Assert.Equal(["create", "update", "delete"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("tester", e.Actor));
        var update = JsonSerializer.Deserialize<List<FieldChange>>(events[1].Changes)!;
        Assert.Equal([new FieldChange("title", "DUP 2023-2025", "Audited")], update);
    }

    private async Task PlanWithTwoObjectivesAsync(string id)
    {
        var rest = Rest();
        (await rest.PostJsonAsync($"/v1/plans?plan_id={id}",
            """{"title":"T","kind":"DUP","startYear":2023,"endYear":2025,"levels":["Linea","Obiettivo"]}""", Cancellation)).EnsureSuccessStatusCode();
        (await rest.PostJsonAsync($"/v1/plans/{id}/objectives?objective_id=1", """{"title":"Linea"}""", Cancellation)).EnsureSuccessStatusCode();
        (await rest.PostJsonAsync($"/v1/plans/{id}/objectives?objective_id=1.1",
            $$"""{"title":"Obiettivo","parent":"plans/{{id}}/objectives/1"}""", Cancellation)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_plan_with_objectives_is_deleted_only_when_forced()
    {
        await PlanWithTwoObjectivesAsync("dup-unforced");

        await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest().DeleteAsync("/v1/plans/dup-unforced", Cancellation));
        Assert.Equal(HttpStatusCode.OK, (await Rest().DeleteAsync("/v1/plans/dup-unforced?force=true", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_forced_plan_delete_records_how_many_objectives_went_with_it()
    {
        await PlanWithTwoObjectivesAsync("dup-forced");

        Assert.Equal(HttpStatusCode.OK, (await Rest().DeleteAsync("/v1/plans/dup-forced?force=true", Cancellation)).StatusCode);

        var delete = Assert.Single(await AuditEventsAsync("plans/dup-forced", "delete"));
        Assert.Contains(new FieldChange("objectives", "2", null), JsonSerializer.Deserialize<List<FieldChange>>(delete.Changes)!);
    }
}
