using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// The shared token validation (<see cref="AuthenticationSetup"/>, used by the gateway and every service):
/// exactly one tenant claim that is a valid id string, and a refusal that says what is wrong.
/// </summary>
public sealed class TokenRulesTests
{
    private static readonly string Key = PlatformTokens.NewKey();
    private static readonly long Now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    private static string Standard(long expires) =>
        $"\"sub\":\"alice\",\"roles\":[\"admin\"],\"iss\":\"platform-local\",\"aud\":\"platform\",\"iat\":{Now},\"nbf\":{Now},\"exp\":{expires}";

    [Theory]
    [InlineData("\"tenant\":[\"demo\",\"comune-b\"]", "single string")]
    [InlineData("\"tenant\":\"comune-b\",\"tenant\":\"demo\"", "more than once")]
    [InlineData("\"tenant\":7", "single string")]
    [InlineData("\"tenant\":{\"id\":\"demo\"}", "single string")]
    [InlineData("\"tenant\":\"Demo Ente\"", "lowercase")]
    [InlineData("\"tenant\":\"\"", "lowercase")]
    [InlineData("\"other\":1", "names no tenant")]
    public async Task A_signed_token_without_exactly_one_valid_tenant_is_refused(string tenantJson, string expected)
    {
        var result = await AuthenticateAsync(Sign(Key, $"{{{Standard(Now + 3600)},{tenantJson}}}"));
        Assert.False(result.Succeeded);
        Assert.Contains(expected, TokenRules.Describe(result.Failure));
    }

    [Fact]
    public async Task A_token_of_one_valid_tenant_is_accepted()
    {
        var result = await AuthenticateAsync(PlatformTokens.Create(Key, "alice", "comune-b", ["admin"], TimeSpan.FromHours(1)));
        Assert.True(result.Succeeded, TokenRules.Describe(result.Failure));
        Assert.Equal("comune-b", Assert.Single(result.Principal!.FindAll(PlatformTokens.TenantClaim)).Value);
    }

    [Fact]
    public async Task The_refusal_tells_another_key_from_expired_from_malformed()
    {
        var otherKey = await AuthenticateAsync(PlatformTokens.Create(PlatformTokens.NewKey(), "a", "demo", ["admin"], TimeSpan.FromHours(1)));
        var expired = await AuthenticateAsync(PlatformTokens.Create(Key, "a", "demo", ["admin"], TimeSpan.FromHours(1),
            now: DateTime.UtcNow.AddHours(-3)));
        var malformed = await AuthenticateAsync("not-a-jwt");

        Assert.Contains("signed with another key", TokenRules.Describe(otherKey.Failure));
        Assert.Contains("expired", TokenRules.Describe(expired.Failure));
        Assert.Contains("malformed", TokenRules.Describe(malformed.Failure));
    }

    /// <summary>An HS256 JWT of any payload, as an attacker holding the key (or a buggy issuer) would write it.</summary>
    private static string Sign(string key, string payloadJson)
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = Base64UrlEncoder.Encode(payloadJson);
        var signature = HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static async Task<AuthenticateResult> AuthenticateAsync(string token)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = Key }).Build());
        services.AddPlatformAuthentication();
        await using var provider = services.BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = provider };
        context.Request.Headers.Authorization = $"Bearer {token}";
        return await context.AuthenticateAsync();
    }
}
