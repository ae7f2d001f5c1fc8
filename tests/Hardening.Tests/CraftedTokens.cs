using System.Security.Cryptography;
using System.Text;
using Platform.ServiceDefaults.Security;

namespace Hardening.Tests;

/// <summary>
/// Tokens an attacker can make: signed with another key, expired, unsigned (<c>alg: none</c>), and signed with
/// the real key but naming several tenants (an array, the claim written twice, a number, an object).
/// </summary>
public static class CraftedTokens
{
    public static IReadOnlyList<(string Variant, string Token)> All(string signingKey, string tenant)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string Claims(string tenantJson, long exp = 0) =>
            $$"""{"iss":"{{PlatformTokens.DefaultIssuer}}","aud":"{{PlatformTokens.DefaultAudience}}","sub":"mallory",{{tenantJson}},"roles":["admin"],"iat":{{now - 60}},"nbf":{{now - 60}},"exp":{{(exp == 0 ? now + 3600 : exp)}}}""";
        var single = $"\"tenant\":\"{tenant}\"";
        return
        [
            ("forged-key", Sign(PlatformTokens.NewKey(), Claims(single))),
            ("expired", PlatformTokens.Create(signingKey, "late", tenant, [Roles.Admin], TimeSpan.FromMinutes(1), now: DateTime.UtcNow.AddHours(-2))),
            ("alg-none", $"{B64("""{"alg":"none","typ":"JWT"}""")}.{B64(Claims(single))}."),
            ("multi-tenant-array", Sign(signingKey, Claims($"\"tenant\":[\"comune-b\",\"{tenant}\"]"))),
            ("multi-tenant-array-first", Sign(signingKey, Claims($"\"tenant\":[\"{tenant}\",\"comune-b\"]"))),
            ("tenant-twice", Sign(signingKey, Claims($"\"tenant\":\"comune-b\",\"tenant\":\"{tenant}\""))),
            ("tenant-number", Sign(signingKey, Claims("\"tenant\":42"))),
            ("tenant-object", Sign(signingKey, Claims($"\"tenant\":{{\"id\":\"{tenant}\"}}"))),
        ];
    }

    /// <summary>An HS256 JWT of the given claims JSON, written as is (so duplicate keys survive).</summary>
    public static string Sign(string base64Key, string claimsJson)
    {
        var unsigned = $"{B64("""{"alg":"HS256","typ":"JWT"}""")}.{B64(claimsJson)}";
        var signature = HMACSHA256.HashData(Convert.FromBase64String(base64Key), Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{B64(signature)}";
    }

    private static string B64(string text) => B64(Encoding.UTF8.GetBytes(text));

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
