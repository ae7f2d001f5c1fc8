using System.Net;
using System.Text;
using Grpc.Core;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>Each service through the real gateway, by REST and by gRPC.</summary>
public sealed class ThroughGatewayTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private RunningPlatform Platform => fixture.Platform;

    [Fact]
    public async Task Plan_posted_like_curl_reads_back_over_rest_and_grpc()
    {
        // curl -d sends a form content type; the gateway takes REST bodies as JSON.
        var body = new StringContent("""{"title":"DUP 2023-2025","kind":"DUP","startYear":2023,"endYear":2025}""",
            Encoding.UTF8, "application/x-www-form-urlencoded");
        var created = await (await Platform.Rest.PostAsync("/v1/plans?plan_id=dup-2023-2025", body)).ReadJsonAsync();
        Assert.Equal("plans/dup-2023-2025", created.GetProperty("name").GetString());

        var read = await Platform.Rest.GetJsonAsync("/v1/plans/dup-2023-2025");
        Assert.Equal("DUP 2023-2025", read.GetProperty("title").GetString());

        var client = new ObjectivesService.ObjectivesServiceClient(Platform.Grpc);
        var plan = await client.GetPlanAsync(new GetPlanRequest { Name = "plans/dup-2023-2025" });
        Assert.Equal(Plan.Types.Kind.Dup, plan.Kind);
        Assert.Equal(created.GetProperty("etag").GetString(), plan.Etag);
    }

    [Fact]
    public async Task Indicators_and_budgets_work_through_both_protocols()
    {
        await (await Platform.Rest.PostJsonAsync("/v1/indicators?indicator_id=rd-e2e", """{"title":"Raccolta differenziata","unit":"%"}""")).ReadJsonAsync();
        var indicator = await new IndicatorsService.IndicatorsServiceClient(Platform.Grpc)
            .GetIndicatorAsync(new GetIndicatorRequest { Name = "indicators/rd-e2e" });
        Assert.Equal("%", indicator.Unit);

        var finance = new FinanceService.FinanceServiceClient(Platform.Grpc);
        await finance.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = "bilancio-e2e",
            Budget = new Budget { Title = "Bilancio 2023-2025", FirstYear = 2023, LastYear = 2025 },
        });
        var budget = await Platform.Rest.GetJsonAsync("/v1/budgets/bilancio-e2e");
        Assert.Equal(2025, budget.GetProperty("lastYear").GetInt32());
    }

    [Fact]
    public async Task Client_mistakes_keep_their_status_and_details_through_the_gateway()
    {
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await Platform.Rest.PostJsonAsync("/v1/plans?plan_id=bad", """{"title":"","kind":"DUP","startYear":2026,"endYear":2025}"""));
        Assert.Equal(["plan.title", "plan.end_year"], error.Fields);

        var status = await ApiAssert.GrpcFailsAsync(StatusCode.InvalidArgument, () =>
            new ObjectivesService.ObjectivesServiceClient(Platform.Grpc).CreatePlanAsync(new CreatePlanRequest
            {
                PlanId = "bad",
                Plan = new Plan { Title = "", Kind = Plan.Types.Kind.Dup, StartYear = 2026, EndYear = 2025 },
            }).ResponseAsync);
        Assert.Equal(["plan.title", "plan.end_year"], status.ViolatedFields());

        await ApiAssert.RestFailsAsync(HttpStatusCode.NotFound, await Platform.Rest.GetAsync("/v1/budgets/none"));
        var badJson = await ApiAssert.RestFailsAsync(HttpStatusCode.BadRequest,
            await Platform.Rest.PostJsonAsync("/v1/budgets?budget_id=x", "{\"title\": "));
        Assert.Equal(["budget"], badJson.Fields);
    }


    [Fact]
    public async Task Gateway_health_reports_itself_and_every_cluster()
    {
        var health = await Platform.Rest.GetJsonAsync("/healthz");
        Assert.Equal("Healthy", health.GetProperty("gateway").GetString());
        foreach (var cluster in new[] { "objectives", "indicators", "finance" })
            Assert.Equal(1, health.GetProperty("clusters").GetProperty(cluster).GetProperty("healthyReplicas").GetInt32());
    }

    [Fact]
    public async Task Openapi_document_and_docs_page_are_served_without_a_token()
    {
        var document = await Platform.Anonymous.GetJsonAsync("/openapi.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/v1/plans", "/v1/plans/{plan}", "/v1/indicators", "/v1/budgets/{budget}" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in /openapi.json");

        var page = await Platform.Anonymous.GetAsync("/docs");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi.json\"", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_trace_started_by_a_client_reaches_the_service_and_every_process_has_metrics()
    {
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToString();
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/plans");
        request.Headers.Add("traceparent", $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom()}-01");

        var response = await Platform.Rest.SendAsync(request);

        response.EnsureSuccessStatusCode();
        // The service's own trace id header: the gateway passed the client's trace on.
        Assert.Contains(traceId, response.Headers.GetValues("x-trace-id"));
        using var plain = new HttpClient();
        foreach (var child in Platform.System.Children)
        {
            var metrics = await plain.GetStringAsync(new Uri(child.ManagementAddress, "/metrics"));
            Assert.Contains("http_server_request_duration_seconds", metrics);
        }
    }
}
