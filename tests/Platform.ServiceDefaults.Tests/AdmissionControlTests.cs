using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// A service with one request slot, held by a call that waits on the test: the next caller is turned away
/// at once, RESOURCE_EXHAUSTED for gRPC and 503 for REST, both with Retry-After; health stays answered.
/// </summary>
public sealed class AdmissionControlTests : IAsyncLifetime
{
    private TaskCompletionSource _release = null!;
    private TaskCompletionSource _holding = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync() => await StartAsync(maxWaitMilliseconds: 0);

    private async Task StartAsync(int maxWaitMilliseconds)
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _holding = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Admission:MaxInFlight"] = "1",
            ["Platform:Admission:MaxWaitMilliseconds"] = maxWaitMilliseconds.ToString(),
            ["Platform:Admission:RetryAfterSeconds"] = "2",
        });
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, l => l.Protocols = HttpProtocols.Http2));
        _app = builder.Build();
        _app.UseAdmissionControl();
        _app.MapGet("/healthz", () => "Healthy");
        _app.MapGet("/slow", async () => { _holding.TrySetResult(); await _release.Task; return "done"; });
        _app.MapFallback(() => "ok");
        await _app.StartAsync();
        _client = new HttpClient
        {
            BaseAddress = new Uri($"http://localhost:{port}"),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    public async Task DisposeAsync()
    {
        _release.TrySetResult();
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task A_rest_call_past_the_limit_is_answered_503_with_retry_after_and_the_held_call_completes()
    {
        var held = _client.GetAsync("/slow");
        await _holding.Task;

        using var refused = await _client.GetAsync("/v1/plans");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"code\": 8", body);
        Assert.Contains(AdmissionControl.Reason, body);

        _release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/v1/plans")).StatusCode);
    }

    [Fact]
    public async Task A_grpc_call_past_the_limit_ends_resource_exhausted_with_retry_after()
    {
        var held = _client.GetAsync("/slow");
        await _holding.Task;

        using var refused = await _client.SendAsync(GrpcFrames.Request("/platform.objectives.v1.ObjectivesService/GetPlan", []));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await refused.Content.ReadAsByteArrayAsync();
        Assert.Equal("8", GrpcFrames.Status(refused));
        Assert.Contains("retry after 2 s", GrpcFrames.Message(refused));
        Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
        _release.SetResult();
        await held;
    }

    [Fact]
    public async Task Health_is_answered_while_every_slot_is_taken()
    {
        var held = _client.GetAsync("/slow");
        await _holding.Task;
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/healthz")).StatusCode);
        _release.SetResult();
        await held;
    }

    [Fact]
    public async Task A_call_that_finds_every_slot_taken_waits_its_short_turn_when_a_slot_frees()
    {
        await DisposeAsync();
        await StartAsync(maxWaitMilliseconds: 30_000);
        var held = _client.GetAsync("/slow");
        await _holding.Task;

        var waiting = _client.GetAsync("/v1/plans");
        Assert.False(waiting.IsCompleted);
        _release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
