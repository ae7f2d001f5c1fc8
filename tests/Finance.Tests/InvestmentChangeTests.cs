using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Platform.Common.V1;

namespace Finance.Tests;

/// <summary>Update and delete of investments, and the audit trail of investments and budgets, over gRPC and REST.</summary>
public sealed class InvestmentChangeTests(FinanceWithObjectives host) : FinanceTest(host), IClassFixture<FinanceWithObjectives>
{
    private async Task<Investment> CreateAsync(FinanceService.FinanceServiceClient grpc, string id = "anna-frank") =>
        await grpc.CreateInvestmentAsync(new CreateInvestmentRequest
        {
            InvestmentId = id,
            Investment = new Investment
            {
                Cup = "D18I21000100005", Title = "Adeguamento sismico Anna Frank", PnrrMeasure = "M4-C1-I3.3", TotalCost = "3024000.00",
                Years = { new InvestmentYear { Year = 2023, PnrrContribution = "1605810.00", Cofinancing = "1008000.00" } },
                State = "PLANNED", Objectives = { DupObjectives.Schools.Name },
            },
        }, Call());

    private static FieldMask Mask(params string[] paths) => new() { Paths = { paths } };

    private Task<Investment> UpdateAsync(FinanceService.FinanceServiceClient grpc, Investment investment, FieldMask? mask = null) =>
        grpc.UpdateInvestmentAsync(new UpdateInvestmentRequest { Investment = investment, UpdateMask = mask }, Call()).ResponseAsync;

    private Task<Investment> GetAsync(FinanceService.FinanceServiceClient grpc, string name) =>
        grpc.GetInvestmentAsync(new GetInvestmentRequest { Name = name }, Call()).ResponseAsync;

    private async Task<IReadOnlyList<AuditEvent>> TrailAsync(FinanceService.FinanceServiceClient grpc, string parent) =>
        (await grpc.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = parent }, Call())).AuditEvents;

    /// <summary>An investment, then its title, total cost and years changed with a mask and its etag.</summary>
    private async Task<(FinanceService.FinanceServiceClient Grpc, Investment Created, Investment Updated)> UpdatedAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        var created = await CreateAsync(grpc);
        var updated = await UpdateAsync(grpc, new Investment
        {
            Name = created.Name, Etag = created.Etag, Title = "Anna Frank: adeguamento sismico", Cup = "IGNORED",
            TotalCost = "3100000.50",
            Years = { new InvestmentYear { Year = 2024, PnrrContribution = "1000000.00", Cofinancing = "2100000.50" } },
        }, Mask("title", "total_cost", "years"));
        return (grpc, created, updated);
    }

    private async Task<JsonElement> PatchStateAndSectorAsync(string tenant, Investment updated) =>
        await (await Rest(tenant).PatchJsonAsync($"/v1/{updated.Name}?updateMask=state,sector",
            JsonSerializer.Serialize(new { state = "IN_PROGRESS", sector = "Lavori pubblici", title = "not in the mask", etag = updated.Etag }),
            Cancellation)).ReadJsonAsync(Cancellation);

    [Fact]
    public async Task Update_changes_only_the_masked_fields_and_the_etag()
    {
        var (grpc, created, updated) = await UpdatedAsync("inv-update");

        Assert.Equal("Anna Frank: adeguamento sismico", updated.Title);
        Assert.Equal(("3100000.50", "1000000.00", "2100000.50"), (updated.TotalCost, updated.TotalPnrrContribution, updated.TotalCofinancing));
        Assert.Equal([2024], updated.Years.Select(y => y.Year));
        Assert.Equal((created.Cup, created.PnrrMeasure, created.State), (updated.Cup, updated.PnrrMeasure, updated.State));
        Assert.Equal(created.Objectives, updated.Objectives);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(updated, await GetAsync(grpc, created.Name));
    }

    [Fact]
    public async Task Rest_patch_takes_the_mask_from_the_query_string_and_the_resource_as_body()
    {
        var (_, _, updated) = await UpdatedAsync("inv-rest-update");

        var json = await PatchStateAndSectorAsync("inv-rest-update", updated);

        Assert.Equal(("IN_PROGRESS", "Lavori pubblici", updated.Title),
            (json.GetProperty("state").GetString(), json.GetProperty("sector").GetString(), json.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Stale_etags_are_aborted_over_grpc_and_409_over_rest_and_nothing_changes()
    {
        var (grpc, created, updated) = await UpdatedAsync("inv-stale");
        await PatchStateAndSectorAsync("inv-stale", updated);

        var stale = await ApiAssert.GrpcFailsAsync(StatusCode.Aborted,
            () => UpdateAsync(grpc, new Investment { Name = created.Name, Etag = updated.Etag, Title = "Stale" }, Mask("title")));
        var restStale = await ApiAssert.RestFailsAsync(HttpStatusCode.Conflict, await Rest("inv-stale").PatchJsonAsync(
            $"/v1/{created.Name}?updateMask=title", JsonSerializer.Serialize(new { title = "Stale", etag = created.Etag }), Cancellation));

        Assert.Equal(stale.GetDetail<Google.Rpc.ErrorInfo>()?.Reason, restStale.Reason);
        var now = await GetAsync(grpc, created.Name);
        Assert.Equal(("IN_PROGRESS", updated.Title), (now.State, now.Title));
    }

    private async Task AssertUnchangedAsync(FinanceService.FinanceServiceClient grpc, Investment created)
    {
        Assert.Equal(created, await GetAsync(grpc, created.Name));
        Assert.Equal(["create"], (await TrailAsync(grpc, created.Name)).Select(e => e.Action));
    }

    [Fact]
    public async Task Invalid_values_are_refused_alike_over_grpc_and_rest_and_nothing_changes()
    {
        var grpc = Grpc("inv-invalid");
        var created = await CreateAsync(grpc);

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => UpdateAsync(grpc,
            new Investment { Name = created.Name, Cup = "D18I2100010000", PnrrMeasure = "MSC2-INV. 2.3", TotalCost = "10.123", Title = "T" },
            Mask("cup", "pnrr_measure", "total_cost", "title")));
        Assert.Equal(["investment.cup", "investment.pnrr_measure", "investment.total_cost"], status.ViolatedFields());
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest("inv-invalid").PatchJsonAsync(
            $"/v1/{created.Name}?updateMask=cup,pnrrMeasure,totalCost,title",
            """{"cup":"D18I2100010000","pnrrMeasure":"MSC2-INV. 2.3","totalCost":"10.123","title":"T"}""", Cancellation));
        Assert.Equal(status.ViolatedFields(), error.Fields);

        await AssertUnchangedAsync(grpc, created);
    }

    [Fact]
    public async Task An_unknown_objective_is_refused_on_update_and_nothing_changes()
    {
        var grpc = Grpc("inv-invalid-objective");
        var created = await CreateAsync(grpc);

        var unknownObjective = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => UpdateAsync(grpc,
            new Investment { Name = created.Name, Objectives = { DupObjectives.Culture.Name, "plans/dup/objectives/9.9" } }, Mask("objectives")));

        Assert.Equal(["investment.objectives[1]"], unknownObjective.ViolatedFields());
        await AssertUnchangedAsync(grpc, created);
    }

    [Fact]
    public async Task A_mask_naming_an_output_field_is_refused_and_nothing_changes()
    {
        var grpc = Grpc("inv-invalid-mask");
        var created = await CreateAsync(grpc);

        var badMask = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => UpdateAsync(grpc, new Investment { Name = created.Name, Title = "T" }, Mask("title", "pnrr_mission")));

        Assert.Equal(["update_mask"], badMask.ViolatedFields());
        await AssertUnchangedAsync(grpc, created);
    }

    [Fact]
    public async Task An_empty_title_is_refused_and_nothing_changes()
    {
        var grpc = Grpc("inv-invalid-title");
        var created = await CreateAsync(grpc);

        var emptyTitle = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => UpdateAsync(grpc, new Investment { Name = created.Name }, Mask("title")));

        Assert.Equal(["investment.title"], emptyTitle.ViolatedFields());
        await AssertUnchangedAsync(grpc, created);
    }

    private async Task<(FinanceService.FinanceServiceClient Grpc, Investment Created, Investment Lowered)> LoweredCostAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        var created = await CreateAsync(grpc);
        var lowered = await UpdateAsync(grpc,
            new Investment { Name = created.Name, TotalCost = "1000000.00", Objectives = { DupObjectives.Schools.Name, DupObjectives.Housing.Name } });
        return (grpc, created, lowered);
    }

    [Fact]
    public async Task Contribution_above_cost_is_flagged_on_update_and_cleared_when_the_cost_rises()
    {
        var (grpc, created, lower) = await LoweredCostAsync("inv-flag");
        Assert.Equal(["CONTRIBUTION_EXCEEDS_COST"], lower.Flags);

        var higher = await UpdateAsync(grpc, new Investment { Name = created.Name, TotalCost = "3024000.00" }, Mask("total_cost"));

        Assert.Empty(higher.Flags);
    }

    [Fact]
    public async Task An_update_without_a_mask_accepts_a_new_objective()
    {
        var (_, _, lower) = await LoweredCostAsync("inv-new-objective");

        Assert.Equal([DupObjectives.Schools.Name, DupObjectives.Housing.Name], lower.Objectives);
    }

    [Fact]
    public async Task Delete_checks_the_etag_then_the_investment_is_not_found_over_grpc()
    {
        var grpc = Grpc("inv-delete");
        var first = await CreateAsync(grpc, "first");

        await ApiAssert.GrpcFailsAsync(StatusCode.Aborted,
            () => grpc.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = first.Name, Etag = "W/\"99\"" }, Call()).ResponseAsync);
        await grpc.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = first.Name, Etag = first.Etag }, Call());

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => GetAsync(grpc, first.Name));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => grpc.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = first.Name }, Call()).ResponseAsync);
        Assert.Empty((await grpc.ListInvestmentsAsync(new ListInvestmentsRequest(), Call())).Investments);
    }

    [Fact]
    public async Task Rest_delete_then_the_investment_is_not_found()
    {
        var grpc = Grpc("inv-rest-delete");
        await CreateAsync(grpc, "second");
        var rest = Rest("inv-rest-delete");

        Assert.Equal(HttpStatusCode.OK, (await rest.DeleteAsync("/v1/investments/second", Cancellation)).StatusCode);

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await rest.GetAsync("/v1/investments/second", Cancellation));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await rest.DeleteAsync("/v1/investments/second", Cancellation));
        Assert.Empty((await grpc.ListInvestmentsAsync(new ListInvestmentsRequest(), Call())).Investments);
    }

    [Fact]
    public async Task Rest_delete_of_a_malformed_name_is_400()
    {
        await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest, await Rest("inv-delete-malformed").DeleteAsync("/v1/investments/Not_An_Id", Cancellation));
    }

    [Fact]
    public async Task Another_tenant_gets_not_found_on_update_and_delete()
    {
        var owner = Grpc("inv-owner");
        var created = await CreateAsync(owner);
        var other = Grpc("inv-stranger");

        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => UpdateAsync(other, new Investment { Name = created.Name, Title = "Hijacked" }, Mask("title")));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = created.Name }, Call()).ResponseAsync);
        var rest = Rest("inv-stranger");
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound,
            await rest.PatchJsonAsync($"/v1/{created.Name}?updateMask=title", """{"title":"Hijacked"}""", Cancellation));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await rest.DeleteAsync($"/v1/{created.Name}", Cancellation));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => other.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = created.Name }, Call()).ResponseAsync);

        Assert.Equal(created, await GetAsync(owner, created.Name));
    }

    [Fact]
    public async Task A_reader_cannot_update_or_delete_but_can_read_the_trail()
    {
        var created = await CreateAsync(Grpc("inv-reader"));
        var reader = Grpc("inv-reader", "reader");

        await ApiAssert.GrpcFailsAsync(StatusCode.PermissionDenied,
            () => UpdateAsync(reader, new Investment { Name = created.Name, Title = "By a reader" }, Mask("title")));
        await ApiAssert.GrpcFailsAsync(StatusCode.PermissionDenied,
            () => reader.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = created.Name }, Call()).ResponseAsync);
        var rest = Rest("inv-reader", "reader");
        await ApiAssert.RestFailsAsync(HttpStatusCode.Forbidden,
            await rest.PatchJsonAsync($"/v1/{created.Name}?updateMask=title", """{"title":"By a reader"}""", Cancellation));
        await ApiAssert.RestFailsAsync(HttpStatusCode.Forbidden, await rest.DeleteAsync($"/v1/{created.Name}", Cancellation));

        Assert.Equal(created, await GetAsync(reader, created.Name));
        Assert.Equal(["create"], (await TrailAsync(reader, created.Name)).Select(e => e.Action));
    }

    /// <summary>An investment created, updated on title and total cost, then deleted, beside a neighbour named with its name as prefix.</summary>
    private async Task<(FinanceService.FinanceServiceClient Grpc, Investment Created)> AuditedAsync(string tenant)
    {
        var grpc = Grpc(tenant);
        var created = await CreateAsync(grpc);
        // A neighbour whose name shares the prefix must not leak into the trail.
        await CreateAsync(grpc, "anna-frank-2");
        var updated = await UpdateAsync(grpc,
            new Investment { Name = created.Name, Etag = created.Etag, Title = "Nuovo titolo", TotalCost = "3024000.10" }, Mask("title", "total_cost"));
        await grpc.DeleteInvestmentAsync(new DeleteInvestmentRequest { Name = created.Name, Etag = updated.Etag }, Call());
        return (grpc, created);
    }

    [Fact]
    public async Task Audit_trail_of_an_investment_has_field_level_old_and_new_values_and_outlives_it()
    {
        var (grpc, created) = await AuditedAsync("inv-audit");

        var trail = await TrailAsync(grpc, created.Name);

        Assert.Equal(["create", "update", "delete"], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal((created.Name, "tester"), (e.Resource, e.Actor)));
        var create = trail[0];
        Assert.Contains(create.Changes, c => c.Field == "cup" && !c.HasOldValue && c.NewValue == "D18I21000100005");
        Assert.Contains(create.Changes, c => c.Field == "years" && c.NewValue == "2023:1605810.00/1008000.00");
        var update = trail[1];
        Assert.Equal([("title", "Adeguamento sismico Anna Frank", "Nuovo titolo"), ("total_cost", "3024000.00", "3024000.10")],
            update.Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
        var delete = trail[2];
        Assert.Contains(delete.Changes, c => c.Field == "title" && c.OldValue == "Nuovo titolo" && !c.HasNewValue);
        Assert.Contains(delete.Changes, c => c.Field == "objectives" && c.OldValue == DupObjectives.Schools.Name && !c.HasNewValue);
    }

    private async Task<(JsonElement FirstPage, string Token)> FirstTrailPageAsync(string tenant, Investment created)
    {
        var page1 = await Rest(tenant).GetJsonAsync($"/v1/{created.Name}/auditEvents?pageSize=2", Cancellation);
        var token = page1.GetProperty("nextPageToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        return (page1, token!);
    }

    [Fact]
    public async Task Rest_pages_the_same_trail_two_events_at_a_time()
    {
        var (_, created) = await AuditedAsync("inv-audit-rest");
        var (page1, token) = await FirstTrailPageAsync("inv-audit-rest", created);

        var page2 = await Rest("inv-audit-rest").GetJsonAsync($"/v1/{created.Name}/auditEvents?pageSize=2&pageToken={Uri.EscapeDataString(token)}", Cancellation);

        var events = page1.GetProperty("auditEvents").EnumerateArray().Concat(page2.GetProperty("auditEvents").EnumerateArray()).ToList();
        Assert.Equal(["create", "update", "delete"], events.Select(e => e.GetProperty("action").GetString()));
        var restTitle = events[1].GetProperty("changes").EnumerateArray().First(c => c.GetProperty("field").GetString() == "title");
        Assert.Equal(("Adeguamento sismico Anna Frank", "Nuovo titolo"),
            (restTitle.GetProperty("oldValue").GetString(), restTitle.GetProperty("newValue").GetString()));
    }

    [Fact]
    public async Task A_trail_page_token_is_tied_to_its_resource()
    {
        var (grpc, created) = await AuditedAsync("inv-audit-token");
        var (_, token) = await FirstTrailPageAsync("inv-audit-token", created);

        await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () => grpc.ListAuditEventsAsync(
            new ListAuditEventsRequest { Parent = "investments/anna-frank-2", PageToken = token }, Call()).ResponseAsync);
    }

    [Fact]
    public async Task Audit_trail_of_a_budget_includes_its_batches_of_lines_over_grpc_and_rest()
    {
        var grpc = Grpc("budget-audit");
        await grpc.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "b",
            Budget = new Budget { Title = "B", FirstYear = 2024, LastYear = 2025, Stages = { new BudgetStage { Year = 2024, Stage = Stage.Previsione } } },
        }, Call());
        BudgetLineEntry Line(string id, string programme, string amount) => new()
        {
            LineId = id,
            Line = new BudgetLine
            {
                Kind = BudgetLine.Types.Kind.Spending, Titolo = 1, MissionCode = "4", ProgrammeCode = programme,
                Amounts = { new LineAmount { Year = 2024, Stage = Stage.Previsione, Appropriation = amount } },
            },
        };
        await grpc.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest { Parent = "budgets/b", Entries = { Line("scuole", "4.02", "500.00"), Line("mense", "4.06", "20.00") } }, Call());
        await grpc.UpdateBudgetAsync(new UpdateBudgetRequest { Budget = new Budget { Name = "budgets/b", Title = "Bilancio" }, UpdateMask = Mask("title") }, Call());

        var trail = await TrailAsync(grpc, "budgets/b");

        Assert.Equal([("budgets/b", "create"), ("budgets/b/lines", "batch_upsert"), ("budgets/b", "update")], trail.Select(e => (e.Resource, e.Action)));
        Assert.Contains(trail[1].Changes, c => c.Field == "lines" && c.NewValue == "mense,scuole" || c.Field == "lines" && c.NewValue == "scuole,mense");
        Assert.Equal([("title", "B", "Bilancio")], trail[2].Changes.Select(c => (c.Field, c.OldValue, c.NewValue)));
        var json = await Rest("budget-audit").GetJsonAsync("/v1/budgets/b/auditEvents", Cancellation);
        Assert.Equal(["create", "batch_upsert", "update"], json.GetProperty("auditEvents").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task An_unknown_budget_has_no_trail()
    {
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound,
            () => Grpc("budget-audit-unknown").ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "budgets/none" }, Call()).ResponseAsync);
    }

    [Fact]
    public async Task A_trail_of_something_that_is_not_a_budget_or_investment_is_invalid_naming_the_parent()
    {
        var bad = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument,
            () => Grpc("budget-audit-invalid").ListAuditEventsAsync(new ListAuditEventsRequest { Parent = "plans/dup" }, Call()).ResponseAsync);

        Assert.Equal(["parent"], bad.ViolatedFields());
    }
}
