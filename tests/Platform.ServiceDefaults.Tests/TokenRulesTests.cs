using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Security;
using Platform.Testing;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// The shared token validation (<see cref="AuthenticationSetup"/>, used by the gateway and every service):
/// exactly one tenant claim that is a valid id string, and a refusal that says what is wrong.
/// </summary>
public sealed class TokenRulesTests
{
    private static readonly string Key = PlatformTokens.NewKey();

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
        var result = await AuthenticateAsync(RawTokens.Sign(Key, $"{{{RawTokens.StandardClaims()},{tenantJson}}}"));
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
