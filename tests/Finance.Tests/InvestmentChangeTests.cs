using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Platform.Common.V1;

namespace Finance.Tests;

/// <summary>Update and delete of investments, and the audit trail of investments and budgets, over gRPC and REST.</summary>
public sealed class InvestmentChangeTests : IClassFixture<FinanceWithObjectives>, IDisposable
{
    private readonly ServiceFactory<FinanceGrpcService> _factory;

    public InvestmentChangeTests(FinanceWithObjectives fixture) => _factory = fixture.Finance;

    public void Dispose() => Assert.Empty(_factory.Problems);

    private FinanceService.FinanceServiceClient Grpc(string tenant, params string[] roles) =>
        new(_factory.CreateGrpcChannel(tenant, "tester", roles));

    private static async Task<Investment> CreateAsync(FinanceService.FinanceServiceClient grpc, string id = "anna-frank") =>
        await grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = id,
            Investment = new Investment
            {
                Cup = "D18I21000100005", Title = "Adeguamento sismico Anna Frank", PnrrMeasure = "M4-C1-I3.3", TotalCost = "3024000.00",
                Years = { new InvestmentYear { Year = 2023, PnrrContribution = "1605810.00", Cofinancing = "1008000.00" } },
                State = "PLANNED", Objectives = { FakeObjectives.Schools.Name },
            },
        });

    private static FieldMask Mask(params string[] paths) => new() { Paths = { paths } };

    [Fact]
    public async Task Update_changes_only_the_masked_fields_and_checks_the_etag_over_grpc_and_rest()
    {
        var grpc = Grpc("inv-update");
        var created = await CreateAsync(grpc);

        var updated = await grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment
            {
                Name = created.Name, Etag = created.Etag, Title = "Anna Frank: adeguamento sismico", Cup = "IGNORED",
                TotalCost = "3100000.50",
                Years = { new InvestmentYear { Year = 2024, PnrrContribution = "1000000.00", Cofinancing = "2100000.50" } },
            },
            UpdateMask = Mask("title", "total_cost", "years"),
        });
        Assert.Equal("Anna Frank: adeguamento sismico", updated.Title);
        Assert.Equal(("3100000.50", "1000000.00", "2100000.50"), (updated.TotalCost, updated.TotalPnrrContribution, updated.TotalCofinancing));
        Assert.Equal([2024], updated.Years.Select(y => y.Year));
        Assert.Equal((created.Cup, created.PnrrMeasure, created.State), (updated.Cup, updated.PnrrMeasure, updated.State));
        Assert.Equal(created.Objectives, updated.Objectives);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(updated, await grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = created.Name }));

        // REST: update_mask in the query string, the resource as body.
        var rest = _factory.CreateRestClient("inv-update");
        var json = await (await rest.PatchJsonAsync($"/v1/{created.Name}?updateMask=state,sector",
            JsonSerializer.Serialize(new { state = "IN_PROGRESS", sector = "Lavori pubblici", title = "not in the mask", etag = updated.Etag }))).ReadJsonAsync();
        Assert.Equal(("IN_PROGRESS", "Lavori pubblici", updated.Title),
            (json.GetProperty("state").GetString(), json.GetProperty("sector").GetString(), json.GetProperty("title").GetString()));

        // The etags seen so far are stale now: ABORTED over gRPC, 409 over REST, and nothing changes.
        var stale = await ApiAssert.GrpcFailsAsync(StatusCode.Aborted, () => grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, Etag = updated.Etag, Title = "Stale" }, UpdateMask = Mask("title"),
        }).ResponseAsync);
        var restStale = await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict, await rest.PatchJsonAsync($"/v1/{created.Name}?updateMask=title",
            JsonSerializer.Serialize(new { title = "Stale", etag = created.Etag })));
        Assert.Equal(stale.GetDetail<Google.Rpc.ErrorInfo>()?.Reason, restStale.Reason);
        var now = await grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = created.Name });
        Assert.Equal(("IN_PROGRESS", updated.Title), (now.State, now.Title));
    }

    [Fact]
    public async Task Invalid_update_is_refused_with_field_violations_and_nothing_changes()
    {
        var grpc = Grpc("inv-invalid");
        var created = await CreateAsync(grpc);

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, Cup = "D18I2100010000", PnrrMeasure = "MSC2-INV. 2.3", TotalCost = "10.123", Title = "T" },
            UpdateMask = Mask("cup", "pnrr_measure", "total_cost", "title"),
        }).ResponseAsync);
        Assert.Equal(["investment.cup", "investment.pnrr_measure", "investment.total_cost"], status.ViolatedFields());

        var rest = _factory.CreateRestClient("inv-invalid");
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await rest.PatchJsonAsync(
            $"/v1/{created.Name}?updateMask=cup,pnrrMeasure,totalCost,title",
            """{"cup":"D18I2100010000","pnrrMeasure":"MSC2-INV. 2.3","totalCost":"10.123","title":"T"}"""));
        Assert.Equal(status.ViolatedFields(), error.Fields);

        var unknownObjective = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, Objectives = { FakeObjectives.Culture.Name, "plans/dup/objectives/9.9" } },
            UpdateMask = Mask("objectives"),
        }).ResponseAsync);
        Assert.Equal(["investment.objectives[1]"], unknownObjective.ViolatedFields());

        var badMask = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, Title = "T" }, UpdateMask = Mask("title", "pnrr_mission"),
        }).ResponseAsync);
        Assert.Equal(["update_mask"], badMask.ViolatedFields());

        var emptyTitle = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name }, UpdateMask = Mask("title"),
        }).ResponseAsync);
        Assert.Equal(["investment.title"], emptyTitle.ViolatedFields());

        Assert.Equal(created, await grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = created.Name }));
        var trail = await grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = created.Name });
        Assert.Equal(["create"], trail.AuditEvents.Select(e => e.Action));
    }

    [Fact]
    public async Task Contribution_above_cost_is_flagged_on_update_and_a_new_objective_is_accepted()
    {
        var grpc = Grpc("inv-flag");
        var created = await CreateAsync(grpc);

        var lower = await grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, TotalCost = "1000000.00", Objectives = { FakeObjectives.Schools.Name, FakeObjectives.Housing.Name } },
        });
        Assert.Equal(["CONTRIBUTION_EXCEEDS_COST"], lower.Flags);
        Assert.Equal([FakeObjectives.Schools.Name, FakeObjectives.Housing.Name], lower.Objectives);

        var higher = await grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, TotalCost = "3024000.00" }, UpdateMask = Mask("total_cost"),
        });
        Assert.Empty(higher.Flags);
    }

    [Fact]
    public async Task Delete_then_not_found_with_etag_checked_over_grpc_and_rest()
    {
        var grpc = Grpc("inv-delete");
        var first = await CreateAsync(grpc, "first");
        await CreateAsync(grpc, "second");

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted,
            () => grpc.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = first.Name, Etag = "W/\"99\"" }).ResponseAsync);
        await grpc.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = first.Name, Etag = first.Etag });
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = first.Name }).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => grpc.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = first.Name }).ResponseAsync);

        var rest = _factory.CreateRestClient("inv-delete");
        Assert.Equal(HttpStatusCode.OK, (await rest.DeleteAsync("/v1/investments/second")).StatusCode);
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await rest.GetAsync("/v1/investments/second"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await rest.DeleteAsync("/v1/investments/second"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await rest.DeleteAsync("/v1/investments/Not_An_Id"));
        Assert.Empty((await grpc.ListInvestmentsAsync(new ListInvestmentsRequest())).Investments);
    }

    [Fact]
    public async Task Another_tenant_gets_not_found_on_update_and_delete()
    {
        var owner = Grpc("inv-owner");
        var created = await CreateAsync(owner);
        var other = Grpc("inv-stranger");

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => other.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, Title = "Hijacked" }, UpdateMask = Mask("title"),
        }).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = created.Name }).ResponseAsync);
        var rest = _factory.CreateRestClient("inv-stranger");
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await rest.PatchJsonAsync($"/v1/{created.Name}?updateMask=title", """{"title":"Hijacked"}"""));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await rest.DeleteAsync($"/v1/{created.Name}"));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = created.Name }).ResponseAsync);

        Assert.Equal(created, await owner.GetInvestmentAsync(new GetInvestmentRequest { Name = created.Name }));
    }

    [Fact]
    public async Task A_reader_cannot_update_or_delete_but_can_read_the_trail()
    {
        var created = await CreateAsync(Grpc("inv-reader"));
        var reader = Grpc("inv-reader", "reader");

        await ApiAssert.GrpcFailsAsync(StatusCode.PermissionDenied, () => reader.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, Title = "By a reader" }, UpdateMask = Mask("title"),
        }).ResponseAsync);
        await ApiAssert.GrpcFailsAsync(StatusCode.PermissionDenied,
            () => reader.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = created.Name }).ResponseAsync);
        var rest = _factory.CreateRestClient("inv-reader", "tester", "reader");
        await ApiAssert.RestFailsAsync(HttpStatusCode.Forbidden, await rest.PatchJsonAsync($"/v1/{created.Name}?updateMask=title", """{"title":"By a reader"}"""));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Forbidden, await rest.DeleteAsync($"/v1/{created.Name}"));

        Assert.Equal(created, await reader.GetInvestmentAsync(new GetInvestmentRequest { Name = created.Name }));
        Assert.Equal(["create"], (await reader.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = created.Name })).AuditEvents.Select(e => e.Action));
    }

    [Fact]
    public async Task Audit_trail_of_an_investment_has_field_level_old_and_new_values_and_outlives_it()
    {
        var grpc = Grpc("inv-audit");
        var created = await CreateAsync(grpc);
        // A neighbour whose name shares the prefix must not leak into the trail.
        await CreateAsync(grpc, "anna-frank-2");
        var updated = await grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest
        {
            Investment = new Investment { Name = created.Name, Etag = created.Etag, Title = "Nuovo titolo", TotalCost = "3024000.10" },
            UpdateMask = Mask("title", "total_cost"),
        });
        await grpc.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = created.Name, Etag = updated.Etag });

        var trail = await grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = created.Name });
        Assert.Equal(["create", "update", "delete"], trail.AuditEvents.Select(e => e.Action));
        Assert.All(trail.AuditEvents, e => Assert.Equal((created.Name, "tester"), (e.Resource, e.Actor)));

        var create = trail.AuditEvents[0];
        Assert.Contains(create.Changes, c => c.Field == "cup" && !c.HasOldValue && c.NewValue == "D18I21000100005");
        Assert.Contains(create.Changes, c => c.Field == "years" && c.NewValue == "2023:1605810.00/1008000.00");

        var update = trail.AuditEvents[1];
        Assert.Equal([("title", "Adeguamento sismico Anna Frank", "Nuovo titolo"), ("total_cost", "3024000.00", "3024000.10")],
            update.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));

        var delete = trail.AuditEvents[2];
        Assert.Contains(delete.Changes, c => c.Field == "title" && c.OldValue == "Nuovo titolo" && !c.HasNewValue);
        Assert.Contains(delete.Changes, c => c.Field == "objectives" && c.OldValue == FakeObjectives.Schools.Name && !c.HasNewValue);

        // REST, paged: the same events two at a time.
        var rest = _factory.CreateRestClient("inv-audit");
        var page1 = await rest.GetJsonAsync($"/v1/{created.Name}/auditEvents?pageSize=2");
        var token = page1.GetProperty("nextPageToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        var page2 = await rest.GetJsonAsync($"/v1/{created.Name}/auditEvents?pageSize=2&pageToken={Uri.EscapeDataString(token!)}");
        var events = page1.GetProperty("auditEvents").EnumerateArray().Concat(page2.GetProperty("auditEvents").EnumerateArray()).ToList();
        Assert.Equal(["create", "update", "delete"], events.Select(e => e.GetProperty("action").GetString()));
        var restTitle = events[1].GetProperty("changes").EnumerateArray().First(c => c.GetProperty("field").GetString() == "title");
        Assert.Equal(("Adeguamento sismico Anna Frank", "Nuovo titolo"),
            (restTitle.GetProperty("oldValue").GetString(), restTitle.GetProperty("newValue").GetString()));

        // A token is tied to its resource.
        await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.ListAuditEventsAsync(
            new ListAuditEventsRequest { Parent = "investments/anna-frank-2", PageToken = token }).ResponseAsync);
    }

    [Fact]
    public async Task Audit_trail_of_a_budget_includes_its_batches_of_lines()
    {
        var grpc = Grpc("budget-audit");
        await grpc.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "b",
            Budget = new Budget { Title = "B", FirstYear = 2024, LastYear = 2025, Stages = { new BudgetStage { Year = 2024, Stage = Stage.Previsione } } },
        });
        BudgetLineEntry Line(string id, string programme, string amount) => new()
        {
            LineId = id,
            Line = new BudgetLine
            {
                Kind = BudgetLine.Types.Kind.Spending, Titolo = 1, MissionCode = "4", ProgrammeCode = programme,
                Amounts = { new LineAmount { Year = 2024, Stage = Stage.Previsione, Appropriation = amount } },
            },
        };
        await grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest { Parent = "budgets/b", Entries = { Line("scuole", "4.02", "500.00"), Line("mense", "4.06", "20.00") } });
        await grpc.UpdateBudgetAsync(new UpdateBudgetRequest { Budget = new Budget { Name = "budgets/b", Title = "Bilancio" }, UpdateMask = Mask("title") });

        var trail = await grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "budgets/b" });
        Assert.Equal([("budgets/b", "create"), ("budgets/b/lines", "batch_upsert"), ("budgets/b", "update")],
            trail.AuditEvents.Select(e => (e.Resource, e.Action)));
        Assert.Contains(trail.AuditEvents[1].Changes, c => c.Field == "lines" && c.NewValue == "mense,scuole" || c.Field == "lines" && c.NewValue == "scuole,mense");
        Assert.Equal([("title", "B", "Bilancio")], trail.AuditEvents[2].Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));

        var json = await _factory.CreateRestClient("budget-audit").GetJsonAsync("/v1/budgets/b/auditEvents");
        Assert.Equal(["create", "batch_upsert", "update"],
            json.GetProperty("auditEvents").EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "budgets/none" }).ResponseAsync);
        var bad = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "plans/dup" }).ResponseAsync);
        Assert.Equal(["parent"], bad.ViolatedFields());
    }
}
