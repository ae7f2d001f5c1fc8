using System.Net;
using Grpc.Core;
using Platform.Indicators.V1;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace EndToEnd.Tests;

/// <summary>Rate limits and replicas, on systems started with their own settings.</summary>
public sealed class OperationsTests
{
    [Fact]
    public async Task A_burst_over_the_limit_is_refused_and_traffic_resumes_after_the_window()
    {
        await using var platform = await RunningPlatform.StartAsync(environment: new Dictionary<string, string>
        {
            ["RateLimiting__PermitLimit"] = "5",
            ["RateLimiting__WindowSeconds"] = "2",
        });
        var token = platform.Token("demo", "burst", Roles.Reader);
        var rest = platform.RestWithToken(token);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await rest.GetAsync("/v1/plans");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused ??= response;
        }
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 5, string.Join(",", statuses));
        Assert.NotNull(refused);
        Assert.True(refused!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var error = await ApiAssert.RestFailsAsync(HttpStatusCode.TooManyRequests, refused);
        Assert.Equal("RATE_LIMITED", error.Reason);

        // Same caller over gRPC: RESOURCE_EXHAUSTED, not a bare 429 that clients would retry.
        var grpc = new IndicatorsService.IndicatorsServiceClient(platform.GrpcWithToken(token));
        await ApiAssert.GrpcFailsAsync(StatusCode.ResourceExhausted, () => grpc.ListIndicatorsAsync(new ListIndicatorsRequest()).ResponseAsync);

        // Once the window has passed, the caller is served again.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        HttpStatusCode status;
        do
        {
            await Task.Delay(250, timeout.Token);
            status = (await rest.GetAsync("/v1/plans", timeout.Token)).StatusCode;
        } while (status == HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Killing_one_of_two_replicas_loses_at_most_the_requests_in_flight()
    {
        await using var platform = await RunningPlatform.StartAsync(replicas: new Dictionary<string, int> { ["indicators"] = 2 });
        var client = new IndicatorsService.IndicatorsServiceClient(platform.Grpc);
        await client.CreateIndicatorAsync(new CreateIndicatorRequest
        {
            IndicatorId = "replicated",
            Indicator = new Indicator { Title = "Served by two replicas", Unit = "%" },
        });
        Assert.Equal(2, platform.System.Children.Count(c => c.Name.StartsWith("indicators-")));

        const int requests = 240;
        const int concurrency = 4;
        var next = 0;
        var failures = 0;
        var succeeded = 0;
        async Task Worker()
        {
            while (Interlocked.Increment(ref next) is var n && n <= requests)
            {
                if (n == requests / 3) platform.System.Child("indicators-1").Kill();
                try
                {
                    var rest = await platform.Rest.GetAsync("/v1/indicators/replicated");
                    if (rest.IsSuccessStatusCode) Interlocked.Increment(ref succeeded);
                    else Interlocked.Increment(ref failures);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Worker()));

        Assert.True(failures <= concurrency, $"{failures} of {requests} requests failed\n{platform.Log}");
        Assert.Equal(requests, succeeded + failures);
        var health = await platform.Rest.GetJsonAsync("/healthz");
        Assert.Equal(2, health.GetProperty("clusters").GetProperty("indicators").GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task Services_keep_reaching_objectives_when_one_of_its_replicas_dies()
    {
        await using var platform = await RunningPlatform.StartAsync(replicas: new Dictionary<string, int> { ["objectives"] = 2 });
        (await platform.Rest.PostJsonAsync("/v1/plans?plan_id=replicated",
            """{"title":"Piano","kind":"DUP","startYear":2023,"endYear":2025,"levels":["Linea"]}""")).EnsureSuccessStatusCode();
        // Flaky once (404 here, undiagnosed): the answer and the replicas' log say which replica answered what.
        var created = await platform.Rest.PostJsonAsync("/v1/plans/replicated/objectives?objective_id=1", """{"title":"Linea 1"}""");
        Assert.True(created.IsSuccessStatusCode, $"{created.StatusCode}: {await created.Content.ReadAsStringAsync()}\n{platform.Log}");
        for (var i = 0; i < 4; i++)
            (await platform.Rest.GetAsync("/v1/scorecards/replicated?year=2023")).EnsureSuccessStatusCode();

        platform.System.Child("objectives-1").Kill();

        // The scorecard makes Indicators call Objectives: every call finds the live replica.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
            statuses.Add((await platform.Rest.GetAsync("/v1/scorecards/replicated?year=2023")).StatusCode);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
