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
        // A budget's audit trail: staff only (approved budgets themselves are public reads).
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.Unauthorized, await Platform.Anonymous.GetAsync("/v1/budgets/any/auditEvents"));
        Assert.Equal("UNAUTHENTICATED", error.Reason);
        await ApiAssert.GrpcFailsAsync(StatusCode.Unauthenticated, () => new FinanceService.FinanceServiceClient(Platform.GrpcWithToken(null))
            .ListAuditEventsAsync(new Platform.Finance.V1.ListAuditEventsRequest { Parent = "budgets/any" }).ResponseAsync);
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
        (await owner.PostJsonAsync("/v1/indicators?indicator_id=indice-a", """{"title":"Indice","unit":"%"}""")).EnsureSuccessStatusCode();

        var intruder = Platform.RestAs("comune-b", "bruno", Roles.Admin);
        intruder.DefaultRequestHeaders.Add("x-platform-tenant", "comune-a");
        intruder.DefaultRequestHeaders.Add("x-tenant-id", "comune-a");

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.GetAsync("/v1/plans/piano-a"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.GetAsync("/v1/budgets/bilancio-a"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.GetAsync("/v1/indicators/indice-a"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.DeleteAsync("/v1/indicators/indice-a"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.GetAsync("/v1/plans/piano-a:tree"));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.PatchJsonAsync("/v1/plans/piano-a?update_mask=title", """{"title":"Mine"}"""));
        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await intruder.DeleteAsync("/v1/plans/piano-a"));
        Assert.DoesNotContain("piano-a", await (await intruder.GetAsync("/v1/plans")).Content.ReadAsStringAsync());
        Assert.DoesNotContain("bilancio-a", await (await intruder.GetAsync("/v1/budgets")).Content.ReadAsStringAsync());

        var grpc = new ObjectivesService.ObjectivesServiceClient(Platform.GrpcAs("comune-b", "bruno", Roles.Admin));
        await ApiAssert.GrpcFailsAsync(StatusCode.NotFound, () => grpc.GetPlanAsync(new GetPlanRequest { Name = "plans/piano-a" },
            new Metadata { { "x-platform-tenant", "comune-a" } }).ResponseAsync);

        Assert.Equal("Piano", (await owner.GetJsonAsync("/v1/plans/piano-a")).GetProperty("title").GetString());
        Assert.Equal("Indice", (await owner.GetJsonAsync("/v1/indicators/indice-a")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Cors_allows_configured_origins_only_and_oversized_bodies_are_refused()
    {
        async Task<HttpResponseMessage> PreflightAsync(string origin)
        {
            var preflight = new HttpRequestMessage(HttpMethod.Options, "/v1/plans");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            return await Platform.Anonymous.SendAsync(preflight);
        }
        var allowed = await PreflightAsync("http://localhost:5173");
        Assert.Equal("http://localhost:5173", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var other = await PreflightAsync("https://evil.example");
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));

        // A body announced above the 4 MiB limit is refused before it is read (raw socket: HttpClient
        // would fail writing the rest of the body once the gateway has answered).
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync("localhost", Platform.System.RestAddress.Port);
        var stream = socket.GetStream();
        var head = $"POST /v1/plans?plan_id=huge HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {Platform.Token("demo", "big", "admin")}\r\n" +
                   $"Content-Type: application/json\r\nContent-Length: {5 * 1024 * 1024}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);
        Assert.StartsWith("HTTP/1.1 413", System.Text.Encoding.ASCII.GetString(buffer, 0, read));
    }
}
