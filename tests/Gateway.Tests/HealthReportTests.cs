using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests;

/// <summary><c>/healthz</c> counts usable replicas per service, and the gateway says once when one goes or comes back.</summary>
public sealed class HealthReportTests
{
    [Fact]
    public async Task Healthz_is_degraded_with_a_replica_down_unhealthy_with_none_and_each_change_is_logged_once()
    {
        var first = await FakeService.StartAsync(_ => Task.CompletedTask);
        await using var second = await FakeService.StartAsync(_ => Task.CompletedTask);
        await using var gateway = await GatewayUnderTest.StartAsync(first.Address, second.Address);
        await WaitForAsync(gateway, "Healthy");

        await first.DisposeAsync();
        var degraded = await WaitForAsync(gateway, "Degraded");
        var finance = degraded.GetProperty("clusters").GetProperty("finance");
        Assert.Equal("Degraded", finance.GetProperty("status").GetString());
        Assert.Equal(1, finance.GetProperty("healthyReplicas").GetInt32());
        Assert.Equal(2, finance.GetProperty("replicas").GetInt32());

        // Three more probe rounds of the dead replica: still one line about it, and no stack trace.
        await Task.Delay(TimeSpan.FromSeconds(6));
        var lines = gateway.Log.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Single(lines, l => l.StartsWith("finance replica d1") && l.Contains("is down"));
        Assert.DoesNotContain(lines, l => l.Contains("   at "));

        await second.DisposeAsync();
        var unhealthy = await WaitForAsync(gateway, "Unhealthy");
        Assert.Equal(0, unhealthy.GetProperty("clusters").GetProperty("finance").GetProperty("healthyReplicas").GetInt32());
    }

    private static async Task<JsonElement> WaitForAsync(GatewayUnderTest gateway, string status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var health = await UpstreamFailureTests.HealthAsync(gateway);
            if (health.GetProperty("status").GetString() == status) return health;
            await Task.Delay(200, timeout.Token);
        }
    }
}
