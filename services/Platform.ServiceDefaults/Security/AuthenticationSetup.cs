using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// JWT bearer validation, shared by the gateway and the services (each validates the token again).
/// Production: <c>Auth:Authority</c> (an OIDC issuer) and <c>Auth:Audience</c>. Embedded: a local HS256 key
/// from <c>Auth:SigningKey</c> or the file <c>{PLATFORM_DATA_DIR}/signing-key</c> that the launcher creates.
/// </summary>
public static class AuthenticationSetup
{
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.MapInboundClaims = false;
                var authority = configuration["Auth:Authority"];
                if (!string.IsNullOrWhiteSpace(authority))
                {
                    options.Authority = authority;
                    options.Audience = configuration["Auth:Audience"] ?? PlatformTokens.DefaultAudience;
                    options.TokenValidationParameters.NameClaimType = PlatformTokens.SubjectClaim;
                    options.TokenValidationParameters.RoleClaimType = PlatformTokens.RolesClaim;
                    return;
                }
                options.TokenValidationParameters = PlatformTokens.Validation(LocalKey(configuration),
                    configuration["Auth:Issuer"] ?? PlatformTokens.DefaultIssuer,
                    configuration["Auth:Audience"] ?? PlatformTokens.DefaultAudience);
            });
        services.AddAuthorization();
        return services;
    }

    private static string LocalKey(IConfiguration configuration)
    {
        var key = configuration["Auth:SigningKey"];
        if (!string.IsNullOrWhiteSpace(key)) return key;
        var file = configuration["Auth:SigningKeyFile"]
                   ?? Path.Combine(Path.GetFullPath(configuration["PLATFORM_DATA_DIR"] ?? "data"), PlatformTokens.KeyFileName);
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        throw new InvalidOperationException(
            $"No token signing key: set Auth:Authority (OIDC), Auth:SigningKey, or create {file} (the launcher does)");
    }
}
