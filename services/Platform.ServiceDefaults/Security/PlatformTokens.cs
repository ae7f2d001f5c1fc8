using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Tokens of the embedded (no OIDC server) set-up: HS256 JWTs signed with a local key that the launcher
/// keeps in the data directory. Claims: <c>sub</c> (who), <c>tenant</c> (the ente), <c>roles</c>.
/// </summary>
public static class PlatformTokens
{
    public const string TenantClaim = "tenant";
    public const string RolesClaim = "roles";
    public const string SubjectClaim = "sub";
    public const string DefaultIssuer = "platform-local";
    public const string DefaultAudience = "platform";
    public const string KeyFileName = "signing-key";

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads the key file of a data directory, creating it (owner-only) when missing.</summary>
    public static string EnsureKeyFile(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, KeyFileName);
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(dataDirectory);
        var key = NewKey();
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }

    public static SymmetricSecurityKey SigningKey(string base64Key) => new(Convert.FromBase64String(base64Key));

    public static string Create(string base64Key, string subject, string tenant, IEnumerable<string> roles,
        TimeSpan lifetime, string issuer = DefaultIssuer, string audience = DefaultAudience, DateTime? now = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            [SubjectClaim] = subject,
            [TenantClaim] = tenant,
            [RolesClaim] = roles.ToArray(),
        };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt.Add(lifetime),
            SigningCredentials = new SigningCredentials(SigningKey(base64Key), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The validation rules for local tokens (the gateway and every service use the same).</summary>
    public static TokenValidationParameters Validation(string base64Key, string issuer = DefaultIssuer,
        string audience = DefaultAudience) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = audience,
        IssuerSigningKey = SigningKey(base64Key),
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = SubjectClaim,
        RoleClaimType = RolesClaim,
    };

    public static IReadOnlySet<string> RolesOf(ClaimsPrincipal user) =>
        user.FindAll(RolesClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
}
