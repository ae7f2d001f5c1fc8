using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// JWT bearer validation, shared by the gateway and the services (each validates the token again).
/// Production: <c>Auth:Authority</c> (an OIDC issuer) and <c>Auth:Audience</c>. Embedded: a local HS256 key
/// from <c>Auth:SigningKey</c> or the file <c>{PLATFORM_DATA_DIR}/signing-key</c> that the launcher creates.
/// A token validated once is not validated again until it expires (<see cref="TokenValidationCache"/>).
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
                options.Events = new JwtBearerEvents { OnTokenValidated = CheckClaims };
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
        services.AddCachedTokenValidation();
        services.AddAuthorization();
        return services;
    }

    /// <summary>A signature alone is not enough: the claims must follow <see cref="TokenRules"/>.</summary>
    private static Task CheckClaims(TokenValidatedContext context)
    {
        var problem = context.SecurityToken is JsonWebToken token
            ? TokenRules.TenantProblem(token)
            : "The bearer token is not a JWT";
        if (problem is not null) context.Fail(new TokenClaimsException(problem));
        return Task.CompletedTask;
    }

    /// <summary>Authenticates the request again to tell why its token was refused.</summary>
    public static async Task<string> RefusalReasonAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync();
        return TokenRules.Describe(result.Failure);
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
