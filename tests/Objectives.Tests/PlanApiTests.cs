using Dapper;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Data;

namespace Objectives.Tests;

public sealed class PlanApiTests : IClassFixture<ServiceFactory<ObjectivesGrpcService>>, IDisposable
{
    private readonly ServiceFactory<ObjectivesGrpcService> _factory;
    private readonly ObjectivesService.ObjectivesServiceClient _grpc;
    private readonly HttpClient _rest;

    public PlanApiTests(ServiceFactory<ObjectivesGrpcService> factory)
    {
        _factory = factory;
        _grpc = new ObjectivesService.ObjectivesServiceClient(factory.CreateGrpcChannel());
        _rest = factory.CreateRestClient();
    }

    public void Dispose() => Assert.Empty(_factory.Problems);

    private static Plan NewPlan(string title = "DUP 2023-2025") =>
        new() { Title = title, Kind = Plan.Types.Kind.Dup, StartYear = 2023, EndYear = 2025, Description = "Cremona" };

    private Task<Plan> CreateAsync(string id, Plan? plan = null) =>
        _grpc.CreatePlanAsync(new CreatePlanRequest { PlanId = id, Plan = plan ?? NewPlan() }).ResponseAsync;

    [Fact]
    public async Task Created_plan_reads_back_over_grpc_and_rest()
    {
        var created = await CreateAsync("dup-read-back");

        Assert.Equal("plans/dup-read-back", created.Name);
        Assert.Equal("W/\"1\"", created.Etag);
        Assert.Equal("tester", created.UpdateUser);
        Assert.Equal(created, await _grpc.GetPlanAsync(new GetPlanRequest { Name = "plans/dup-read-back" }));

        var json = await _rest.GetJsonAsync("/v1/plans/dup-read-back");
        Assert.Equal("DUP 2023-2025", json.GetProperty("title").GetString());
        Assert.Equal("DUP", json.GetProperty("kind").GetString());
        Assert.Equal(2023, json.GetProperty("startYear").GetInt32());
        Assert.Equal(created.Etag, json.GetProperty("etag").GetString());
    }

    [Fact]
    public async Task Rest_create_takes_the_id_from_the_query_string()
    {
        var response = await _rest.PostJsonAsync("/v1/plans?plan_id=peg-2024",
            """{"title":"PEG 2024","kind":"PEG","startYear":2024,"endYear":2024}""");
        var json = await response.ReadJsonAsync();

        Assert.Equal("plans/peg-2024", json.GetProperty("name").GetString());
        var plan = await _grpc.GetPlanAsync(new GetPlanRequest { Name = "plans/peg-2024" });
        Assert.Equal(Plan.Types.Kind.Peg, plan.Kind);
    }

    [Fact]
    public async Task List_pages_through_every_plan_in_id_order()
    {
        const string tenant = "paging-tenant";
        var grpc = new ObjectivesService.ObjectivesServiceClient(_factory.CreateGrpcChannel(tenant));
        foreach (var id in new[] { "p-c", "p-a", "p-e", "p-b", "p-d" })
            await grpc.CreatePlanAsync(new CreatePlanRequest { PlanId = id, Plan = NewPlan() });

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await grpc.ListPlansAsync(new ListPlansRequest { PageSize = 2, PageToken = token });
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
            () => _grpc.CreatePlanAsync(new CreatePlanRequest { PlanId = "Bad Id", Plan = bad }).ResponseAsync);

        Assert.Equal(["plan_id", "plan.title", "plan.kind", "plan.end_year"], status.ViolatedFields());
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => _grpc.GetPlanAsync(new GetPlanRequest { Name = "plans/bad-id" }).ResponseAsync);
    }

    [Fact]
    public async Task Rest_reports_the_same_violations_as_grpc()
    {
        var response = await _rest.PostJsonAsync("/v1/plans?plan_id=rest-invalid",
            """{"title":"","kind":"DUP","startYear":2026,"endYear":2025}""");

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal(3, error.Code);
        Assert.Equal("INVALID_ARGUMENT", error.Reason);
        Assert.Equal(["plan.title", "plan.end_year"], error.Fields);
        Assert.Equal(HttpStatusCode.NotFound, (await _rest.GetAsync("/v1/plans/rest-invalid")).StatusCode);
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
        var response = await _rest.PostJsonAsync("/v1/plans?plan_id=malformed", body);

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, response);
        Assert.Equal([field], error.Fields);
        Assert.Equal(HttpStatusCode.NotFound, (await _rest.GetAsync("/v1/plans/malformed")).StatusCode);
    }

    [Fact]
    public async Task A_year_written_as_a_json_string_is_read_as_the_number()
    {
        var json = await (await _rest.PostJsonAsync("/v1/plans?plan_id=quoted-year",
            """{"title":"T","kind":"DUP","startYear":"2027","endYear":"2029"}""")).ReadJsonAsync();

        Assert.Equal(2027, json.GetProperty("startYear").GetInt32());
    }

    [Theory]
    [InlineData("/v1/plans?pagesize=2", "pagesize")]
    [InlineData("/v1/plans?page_size=2&pageTokn=x", "pageTokn")]
    [InlineData("/v1/plans/some-plan?view=BASIC", "view")]
    public async Task Unknown_query_parameters_are_a_400_that_names_them(string url, string field)
    {
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await _rest.GetAsync(url));

        Assert.Equal([field], error.Fields);
    }

    [Fact]
    public async Task Known_query_parameters_in_either_spelling_are_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, (await _rest.GetAsync("/v1/plans?page_size=2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _rest.GetAsync("/v1/plans?pageSize=2&ente=demo")).StatusCode);
    }

    [Fact]
    public async Task Duplicate_id_is_already_exists_over_both_protocols()
    {
        await CreateAsync("dup-twice");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.AlreadyExists, () => CreateAsync("dup-twice"));
        Assert.Equal("ALREADY_EXISTS", status.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        var response = await _rest.PostJsonAsync("/v1/plans?plan_id=dup-twice",
            """{"title":"Again","kind":"DUP","startYear":2023,"endYear":2025}""");
        await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict, response);
    }

    [Fact]
    public async Task Unknown_and_malformed_names_are_not_found_and_invalid()
    {
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => _grpc.GetPlanAsync(new GetPlanRequest { Name = "plans/nowhere" }).ResponseAsync);
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => _grpc.GetPlanAsync(new GetPlanRequest { Name = "budgets/x" }).ResponseAsync);
        Assert.Equal(["name"], status.ViolatedFields());
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await _rest.GetAsync("/v1/plans/nowhere"));
    }

    [Fact]
    public async Task Update_changes_only_masked_fields_and_bumps_the_etag()
    {
        var created = await CreateAsync("dup-update");

        var updated = await _grpc.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Title = "Renamed", Description = "ignored", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        });

        Assert.Equal("Renamed", updated.Title);
        Assert.Equal("Cremona", updated.Description);
        Assert.Equal("W/\"2\"", updated.Etag);
    }

    [Fact]
    public async Task Rest_patch_reads_update_mask_from_the_query_string()
    {
        await CreateAsync("dup-patch");

        var json = await (await _rest.PatchJsonAsync("/v1/plans/dup-patch?updateMask=description,endYear",
            """{"description":"Nuova descrizione","endYear":2026,"title":"not masked"}""")).ReadJsonAsync();

        Assert.Equal("Nuova descrizione", json.GetProperty("description").GetString());
        Assert.Equal(2026, json.GetProperty("endYear").GetInt32());
        Assert.Equal("DUP 2023-2025", json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_update_mask_field_is_refused_over_both_protocols_and_nothing_changes()
    {
        var created = await CreateAsync("dup-bad-mask");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => _grpc.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Title = "X" },
            UpdateMask = new FieldMask { Paths = { "title", "owner" } },
        }).ResponseAsync);
        Assert.Equal(["update_mask"], status.ViolatedFields());

        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await _rest.PatchJsonAsync("/v1/plans/dup-bad-mask?update_mask=owner", """{"title":"X"}"""));
        Assert.Equal(["update_mask"], error.Fields);
        Assert.Equal(created, await _grpc.GetPlanAsync(new GetPlanRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Update_that_breaks_a_rule_is_refused()
    {
        var created = await CreateAsync("dup-bad-years");

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => _grpc.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, EndYear = 2020 },
            UpdateMask = new FieldMask { Paths = { "end_year" } },
        }).ResponseAsync);

        Assert.Equal(["plan.end_year"], status.ViolatedFields());
        Assert.Equal(created, await _grpc.GetPlanAsync(new GetPlanRequest { Name = created.Name }));
    }

    [Fact]
    public async Task Stale_etag_is_aborted_409()
    {
        var created = await CreateAsync("dup-stale");
        await _grpc.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Title = "First", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        });

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted, () => _grpc.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Title = "Second", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }).ResponseAsync);
        var response = await _rest.PatchJsonAsync("/v1/plans/dup-stale?update_mask=title",
            $$"""{"title":"Third","etag":{{System.Text.Json.JsonSerializer.Serialize(created.Etag)}}}""");
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict, response);
        Assert.Equal("ETAG_MISMATCH", error.Reason);
        Assert.Equal("First", (await _grpc.GetPlanAsync(new GetPlanRequest { Name = created.Name })).Title);
    }

    [Fact]
    public async Task Concurrent_updates_with_the_same_etag_have_exactly_one_winner()
    {
        var created = await CreateAsync("dup-race");

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await _grpc.UpdatePlanAsync(new UpdatePlanRequest
                {
                    Plan = new Plan { Name = created.Name, Title = $"Writer {i}", Etag = created.Etag },
                    UpdateMask = new FieldMask { Paths = { "title" } },
                });
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r == StatusCode.OK));
        Assert.Equal(7, results.Count(r => r == StatusCode.Aborted));
        Assert.Equal("W/\"2\"", (await _grpc.GetPlanAsync(new GetPlanRequest { Name = created.Name })).Etag);
    }

    [Fact]
    public async Task Delete_checks_the_etag_then_removes_the_plan()
    {
        var created = await CreateAsync("dup-delete");

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted,
            () => _grpc.DeletePlanAsync(new DeletePlanRequest { Name = created.Name, Etag = "W/\"9\"" }).ResponseAsync);
        await _grpc.DeletePlanAsync(new DeletePlanRequest { Name = created.Name, Etag = created.Etag });

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => _grpc.GetPlanAsync(new GetPlanRequest { Name = created.Name }).ResponseAsync);
        Assert.Equal(HttpStatusCode.NotFound, (await _rest.DeleteAsync("/v1/plans/dup-delete")).StatusCode);
    }

    [Fact]
    public async Task Another_tenant_neither_sees_nor_changes_the_plan()
    {
        var created = await CreateAsync("dup-private");
        var other = new ObjectivesService.ObjectivesServiceClient(_factory.CreateGrpcChannel("comune-di-altrove"));

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.GetPlanAsync(new GetPlanRequest { Name = created.Name }).ResponseAsync);
        Assert.DoesNotContain((await other.ListPlansAsync(new ListPlansRequest())).Plans, p => p.Name == created.Name);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => other.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Title = "Hijacked" },
            UpdateMask = new FieldMask { Paths = { "title" } },
        }).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.DeletePlanAsync(new DeletePlanRequest { Name = created.Name }).ResponseAsync);
        // The other tenant may use the same id for its own plan.
        await other.CreatePlanAsync(new CreatePlanRequest { PlanId = "dup-private", Plan = NewPlan("Altrove") });
        Assert.Equal("DUP 2023-2025", (await _grpc.GetPlanAsync(new GetPlanRequest { Name = created.Name })).Title);
    }

    [Fact]
    public async Task Page_token_from_garbage_is_invalid()
    {
        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => _grpc.ListPlansAsync(new ListPlansRequest { PageToken = "not-a-token" }).ResponseAsync);
        Assert.Equal(["page_token"], status.ViolatedFields());
        var negative = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => _grpc.ListPlansAsync(new ListPlansRequest { PageSize = -1 }).ResponseAsync);
        Assert.Equal(["page_size"], negative.ViolatedFields());
    }

    [Fact]
    public async Task Every_change_writes_an_audit_event_with_old_and_new_values()
    {
        var created = await CreateAsync("dup-audited");
        await _grpc.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Title = "Audited", Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "title" } },
        });
        await _grpc.DeletePlanAsync(new DeletePlanRequest { Name = created.Name });

        var database = _factory.Services.GetRequiredService<Database>();
        var events = await database.QueryAsync<(string Action, string Actor, string Changes)>(
            "SELECT action, actor, changes FROM audit_events WHERE tenant_id = 'demo' AND resource = 'plans/dup-audited' ORDER BY id",
            null, CancellationToken.None);

        Assert.Equal(["create", "update", "delete"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("tester", e.Actor));
        var update = System.Text.Json.JsonSerializer.Deserialize<List<FieldChange>>(events[1].Changes)!;
        Assert.Equal([new FieldChange("title", "DUP 2023-2025", "Audited")], update);
    }

    [Fact]
    public async Task A_forced_plan_delete_records_how_many_objectives_went_with_it()
    {
        (await _rest.PostJsonAsync("/v1/plans?plan_id=dup-forced",
            """{"title":"T","kind":"DUP","startYear":2023,"endYear":2025,"levels":["Linea","Obiettivo"]}""")).EnsureSuccessStatusCode();
        (await _rest.PostJsonAsync("/v1/plans/dup-forced/objectives?objective_id=1", """{"title":"Linea"}""")).EnsureSuccessStatusCode();
        (await _rest.PostJsonAsync("/v1/plans/dup-forced/objectives?objective_id=1.1",
            """{"title":"Obiettivo","parent":"plans/dup-forced/objectives/1"}""")).EnsureSuccessStatusCode();

        await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await _rest.DeleteAsync("/v1/plans/dup-forced"));
        Assert.Equal(HttpStatusCode.OK, (await _rest.DeleteAsync("/v1/plans/dup-forced?force=true")).StatusCode);

        var database = _factory.Services.GetRequiredService<Database>();
        var changes = await database.QuerySingleOrDefaultAsync<string>(
            "SELECT changes FROM audit_events WHERE tenant_id = 'demo' AND resource = 'plans/dup-forced' AND action = 'delete'",
            null, CancellationToken.None);
        var deleted = System.Text.Json.JsonSerializer.Deserialize<List<FieldChange>>(changes!)!;
        Assert.Contains(new FieldChange("objectives", "2", null), deleted);
    }
}
