using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// Every service, like the gateway, validates a token once and reuses the result until the validator would
/// refuse it; the cache stays bounded.
/// </summary>
public sealed class TokenValidationCacheTests : IDisposable
{
    private readonly ServiceFactory<Platform.Objectives.ObjectivesGrpcService> _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_service_reuses_a_validated_token_and_refuses_it_once_it_has_expired()
    {
        var cache = _factory.Services.GetRequiredService<TokenValidationCache>();
        // Expired 26 s ago: the validator still takes it for about 4 s (30 s of clock skew), and the cache no longer.
        var minted = DateTime.UtcNow;
        var token = PlatformTokens.Create(_factory.SigningKey, "alice", "demo", [Roles.Admin], TimeSpan.FromSeconds(34),
            now: minted.AddSeconds(-60));
        using var rest = _factory.CreateRestClientWithToken(token);

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
    public async Task A_service_never_takes_a_token_that_differs_from_a_cached_one()
    {
        var token = _factory.Token();
        using (var valid = _factory.CreateRestClientWithToken(token))
            Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/v1/plans")).StatusCode);

        // Same header and payload, signature cut: validated afresh, and refused.
        using var cut = _factory.CreateRestClientWithToken(token[..^2]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cut.GetAsync("/v1/plans")).StatusCode);
    }

    [Fact]
    public void The_cache_keeps_at_most_its_capacity_and_makes_room_from_expired_entries()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
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
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new TokenValidationCache(time);
        cache.Add("t", Expiring(time.GetUtcNow().AddSeconds(10)), TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(39));
        Assert.NotNull(cache.Find("t"));
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(cache.Find("t"));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void A_token_is_found_by_its_text_only()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var cache = new TokenValidationCache(time);
        cache.Add("abc.def.ghi", Expiring(time.GetUtcNow().AddMinutes(1)), TimeSpan.Zero);
        Assert.NotNull(cache.Find("Bearer abc.def.ghi".AsSpan(7)));
        Assert.Null(cache.Find("ABC.DEF.GHI"));
        Assert.Null(cache.Find("abc.def.gh"));
    }

    private static ClaimsPrincipal Expiring(DateTimeOffset at) =>
        new(new ClaimsIdentity([new Claim("exp", at.ToUnixTimeSeconds().ToString())], "test"));
}
