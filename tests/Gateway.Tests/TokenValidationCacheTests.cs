using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway;
using Platform.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>Validated tokens are reused until the validator would refuse them, and the cache stays bounded.</summary>
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

    [Fact]
    public void The_cache_keeps_at_most_its_capacity_and_makes_room_from_expired_entries()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new TokenValidationCache(time, capacity: 3);
        for (var i = 0; i < 5; i++) cache.Add($"token-{i}", Expiring(time.GetUtcNow().AddMinutes(1)), TimeSpan.Zero);
        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Find("token-4"));

        time.Advance(TimeSpan.FromMinutes(2));
        cache.Add("fresh", Expiring(time.GetUtcNow().AddMinutes(1)), TimeSpan.Zero);
        Assert.Equal(1, cache.Count);
        Assert.NotNull(cache.Find("fresh"));
        Assert.Null(cache.Find("token-0"));
    }

    [Fact]
    public void An_entry_is_dropped_when_its_expiry_and_skew_have_passed()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new TokenValidationCache(time);
        cache.Add("t", Expiring(time.GetUtcNow().AddSeconds(10)), TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(39));
        Assert.NotNull(cache.Find("t"));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(cache.Find("t"));
        Assert.Equal(0, cache.Count);
    }

    private static ClaimsPrincipal Expiring(DateTimeOffset at) =>
        new(new ClaimsIdentity([new Claim("exp", at.ToUnixTimeSeconds().ToString())], "test"));
}
