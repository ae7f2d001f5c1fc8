using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Tokens already validated, each kept until the moment the validator itself would refuse it (its expiry plus
/// the allowed clock skew), so a caller's repeated calls skip the signature check, the claim rules and the
/// claim parsing. Keyed by the exact token text: any other text is validated afresh. Refusals are never kept.
/// Bounded: when full, expired entries go first; if none has expired the new token is simply not kept.
/// The principal is shared by the calls that present the token: nothing may change it (no code here does).
/// </summary>
public sealed class TokenValidationCache(TimeProvider time, int capacity = TokenValidationCache.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> Lookup =>
        _entries.GetAlternateLookup<ReadOnlySpan<char>>();

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset Until);

    public int Count => _entries.Count;

    /// <summary>The caller of a token validated earlier and still valid, or null (looked up without a copy of the text).</summary>
    public ClaimsPrincipal? Find(ReadOnlySpan<char> token)
    {
        if (!Lookup.TryGetValue(token, out var key, out var entry)) return null;
        if (time.GetUtcNow() < entry.Until) return entry.Principal;
        _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        return null;
    }

    /// <summary>Keeps a validated token until its <c>exp</c> claim plus <paramref name="clockSkew"/>.</summary>
    public void Add(string token, ClaimsPrincipal principal, TimeSpan clockSkew)
    {
        if (!long.TryParse(principal.FindFirst("exp")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var exp)) return;
        var until = DateTimeOffset.FromUnixTimeSeconds(exp) + clockSkew;
        if (until <= time.GetUtcNow()) return;
        if (_entries.Count >= capacity && !EvictExpired()) return;
        _entries[token] = new Entry(principal, until);
    }

    private bool EvictExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (token, entry) in _entries)
            if (entry.Until <= now) _entries.TryRemove(token, out _);
        return _entries.Count < capacity;
    }
}

/// <summary>
/// Hooks <see cref="TokenValidationCache"/> into the JWT bearer handler (its documented events), in the gateway
/// and in every service alike: each validates the token of every call, and most calls repeat a token.
/// </summary>
public static class CachedTokenValidation
{
    private const string Scheme = "Bearer ";

    public static IServiceCollection AddCachedTokenValidation(this IServiceCollection services)
    {
        services.AddSingleton(new TokenValidationCache(TimeProvider.System));
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<TokenValidationCache>((options, cache) =>
            {
                var received = options.Events.OnMessageReceived;
                var validated = options.Events.OnTokenValidated;
                options.Events.OnMessageReceived = async context =>
                {
                    await received(context);
                    if (context.Result is null && context.Token is null && cache.Find(TokenOf(context.Request)) is { } principal)
                    {
                        context.Principal = principal;
                        context.Success();
                    }
                };
                options.Events.OnTokenValidated = async context =>
                {
                    await validated(context);
                    if (context.Result is null && context.Principal is { } principal)
                        Remember(cache, context.Request, principal, options.TokenValidationParameters.ClockSkew);
                };
            });
        return services;
    }

    private static void Remember(TokenValidationCache cache, HttpRequest request, ClaimsPrincipal principal, TimeSpan clockSkew)
    {
        var token = TokenOf(request);
        if (!token.IsEmpty) cache.Add(token.ToString(), principal, clockSkew);
    }

    /// <summary>The token of a single <c>Authorization: Bearer</c> header, or empty.</summary>
    private static ReadOnlySpan<char> TokenOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        return authorization.Count == 1 && authorization[0] is { Length: > 7 } header
            && header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header.AsSpan(Scheme.Length).Trim() : default;
    }
}
