using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway;
using Platform.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>The gateway reuses validated tokens until the validator would refuse them.</summary>
public sealed class TokenValidationCacheTests
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    [Fact]
    public async Task A_cached_token_is_refused_once_it_has_expired()
    {
        await using var service = await FakeService.StartAsync(context => context.Response.WriteAsync("{}"));
        await using var gateway = await GatewayUnderTest.StartAsync(service.Address);
        var cache = gateway.Services.GetRequiredService<TokenValidationCache>();
        // Expired 26 s ago: the validator still takes it for about 4 s (30 s of clock skew), and the cache no longer.
        var minted = DateTime.UtcNow;
        var token = PlatformTokens.Create(Key, "alice", "demo", [Roles.Admin], TimeSpan.FromSeconds(34), now: minted.AddSeconds(-60));
        using var rest = gateway.RestCaller();
        rest.DefaultRequestHeaders.Authorization = new("Bearer", token);

        Assert.Equal(HttpStatusCode.OK, (await rest.GetAsync("/v1/plans")).StatusCode);
        Assert.Equal(1, cache.Count);
        Assert.Equal(HttpStatusCode.OK, (await rest.GetAsync("/v1/plans")).StatusCode);

        await Task.Delay(minted.AddSeconds(4.5) - DateTime.UtcNow);
        var late = await rest.GetAsync("/v1/plans");
        Assert.Equal(HttpStatusCode.Unauthorized, late.StatusCode);
        Assert.Contains("expired", await late.Content.ReadAsStringAsync());
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_token_that_differs_from_a_cached_one_is_validated_afresh()
    {
        await using var service = await FakeService.StartAsync(context => context.Response.WriteAsync("{}"));
        await using var gateway = await GatewayUnderTest.StartAsync(service.Address);
        var token = PlatformTokens.Create(Key, "alice", "demo", [Roles.Admin], TimeSpan.FromHours(1));
        using var rest = gateway.RestCaller();
        rest.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await rest.GetAsync("/v1/plans")).StatusCode);

        // Same header and payload, signature cut: never taken from the cache.
        rest.DefaultRequestHeaders.Authorization = new("Bearer", token[..^2]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rest.GetAsync("/v1/plans")).StatusCode);
    }
}
