using System.Net;
using Grpc.Core;
using Platform.Finance.V1;
using Platform.Objectives.V1;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>Identity, roles and tenants, through the real gateway.</summary>
public sealed class SecurityTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPlatform Platform => fixture.Platform;

    private const string PlanJson = """{"title":"Piano","kind":"PEG","startYear":2024,"endYear":2024}""";

    [Fact]
    public async Task No_token_is_401_over_rest_and_unauthenticated_over_grpc()
    {
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Platform.Anonymous.GetAsync("/v1/budgets"));
        Assert.Equal("UNAUTHENTICATED", error.Reason);
        await ApiAssert.GrpcFailsAsync(StatusCode.Unauthenticated, () =>
            new FinanceService.FinanceServiceClient(Platform.GrpcWithToken(null)).ListBudgetsAsync(new ListBudgetsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Expired_or_wrongly_signed_tokens_are_refused_at_the_gateway()
    {
        var expired = PlatformTokens.Create(Platform.System.SigningKey, "late", "demo", [Roles.Admin], TimeSpan.FromMinutes(1),
            now: DateTime.UtcNow.AddHours(-2));
        var forged = PlatformTokens.Create(PlatformTokens.NewKey(), "mallory", "demo", [Roles.Admin], TimeSpan.FromHours(1));

        foreach (var token in new[] { expired, forged, "not-a-jwt" })
        {
            var error = await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Platform.RestWithToken(token).GetAsync("/v1/plans"));
            Assert.Equal("INVALID_TOKEN", error.Reason);
            await ApiAssert.GrpcFailsAsync(StatusCode.Unauthenticated, () =>
                new ObjectivesService.ObjectivesServiceClient(Platform.GrpcWithToken(token)).ListPlansAsync(new ListPlansRequest()).ResponseAsync);
        }
    }

    [Fact]
    public async Task Reader_reads_but_cannot_write()
    {
        var reader = Platform.RestAs("demo", "rita", Roles.Reader);

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/v1/plans")).StatusCode);
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.Forbidden, await reader.PostJsonAsync("/v1/plans?plan_id=by-reader", PlanJson));
        Assert.Equal("PERMISSION_DENIED", error.Reason);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.Rest.GetAsync("/v1/plans/by-reader")).StatusCode);
    }

    [Fact]
    public async Task Planner_writes_plans_but_cannot_touch_budgets_and_finance_the_reverse()
    {
        var planner = Platform.RestAs("demo", "paola", Roles.Planner);
        var finance = Platform.RestAs("demo", "franco", Roles.Finance);
        const string budget = """{"title":"Bilancio","firstYear":2024,"lastYear":2026}""";

        (await planner.PostJsonAsync("/v1/plans?plan_id=by-planner", PlanJson)).EnsureSuccessStatusCode();
        await ApiAssert.RestFailsAsync(HttpStatusCode.Forbidden, await planner.PostJsonAsync("/v1/budgets?budget_id=by-planner", budget));
        (await finance.PostJsonAsync("/v1/budgets?budget_id=by-finance", budget)).EnsureSuccessStatusCode();
        await ApiAssert.RestFailsAsync(HttpStatusCode.Forbidden, await finance.PostJsonAsync("/v1/plans?plan_id=by-finance", PlanJson));
    }

    [Fact]
    public async Task Another_tenant_cannot_read_list_change_or_delete_by_any_path_or_forged_header()
    {
        var owner = Platform.RestAs("comune-a", "anna", Roles.Admin);
        (await owner.PostJsonAsync("/v1/plans?plan_id=piano-a", PlanJson)).EnsureSuccessStatusCode();
        (await owner.PostJsonAsync("/v1/budgets?budget_id=bilancio-a", """{"title":"B","firstYear":2024,"lastYear":2026}""")).EnsureSuccessStatusCode();

        var intruder = Platform.RestAs("comune-b", "bruno", Roles.Admin);
        intruder.DefaultRequestHeaders.Add("x-platform-tenant", "comune-a");
        intruder.DefaultRequestHeaders.Add("x-tenant-id", "comune-a");

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.GetAsync("/v1/plans/piano-a"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.GetAsync("/v1/budgets/bilancio-a"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.PatchJsonAsync("/v1/plans/piano-a?update_mask=title", """{"title":"Mine"}"""));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.DeleteAsync("/v1/plans/piano-a"));
        Assert.DoesNotContain("piano-a", await (await intruder.GetAsync("/v1/plans")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("bilancio-a", await (await intruder.GetAsync("/v1/budgets")).Content.ReadAsStringAsync());

        var grpc = new ObjectivesService.ObjectivesServiceClient(Platform.GrpcAs("comune-b", "bruno", Roles.Admin));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => grpc.GetPlanAsync(new GetPlanRequest { Name = "plans/piano-a" },
            new Metadata { { "x-platform-tenant", "comune-a" } }).ResponseAsync);

        Assert.Equal("Piano", (await owner.GetJsonAsync("/v1/plans/piano-a")).GetProperty("title").GetString());
    }
}
