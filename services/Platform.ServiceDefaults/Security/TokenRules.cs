using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Api;

namespace Platform.ServiceDefaults.Security;

/// <summary>A signed token whose claims break a platform rule (e.g. not exactly one valid tenant).</summary>
public sealed class TokenClaimsException(string message) : SecurityTokenValidationException(message);

/// <summary>
/// The rules a validly signed token must also meet, and the one sentence a refused token is answered with.
/// Used by the gateway and by every service (both validate through <see cref="AuthenticationSetup"/>).
/// </summary>
public static class TokenRules
{
    /// <summary>
    /// Checks the raw payload: exactly one top-level <c>tenant</c> member, a JSON string that is a valid id.
    /// A repeated member or an array would otherwise act as one of its values.
    /// </summary>
    public static string? TenantProblem(JsonWebToken token)
    {
        var payload = Base64UrlEncoder.DecodeBytes(token.EncodedPayload);
        var reader = new Utf8JsonReader(payload);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return "The token payload is not a JSON object";
        var count = 0;
        string? tenant = null;
        var kindOk = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isTenant = reader.ValueTextEquals(PlatformTokens.TenantClaim);
            reader.Read();
            if (isTenant)
            {
                count++;
                kindOk = reader.TokenType == JsonTokenType.String;
                tenant = kindOk ? reader.GetString() : null;
            }
            reader.Skip();
        }
        if (count != 1) return count == 0 ? "The token names no tenant" : "The token names the tenant more than once";
        if (!kindOk) return "The token's tenant claim must be a single string";
        return ResourceIds.IsValid(tenant) ? null : $"The token's tenant {ResourceIds.Rule}";
    }

    /// <summary>What is wrong with a refused token, in words a user can act on.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        TokenClaimsException claims => claims.Message,
        SecurityTokenExpiredException => "The bearer token has expired: mint a new one",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet (check the clock)",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The bearer token is signed with another key (minted for another data directory or issuer?)",
        SecurityTokenInvalidAudienceException => "The bearer token is for another audience",
        SecurityTokenInvalidIssuerException => "The bearer token is from another issuer",
        null or SecurityTokenMalformedException or ArgumentException or FormatException or JsonException =>
            "The bearer token is malformed (expected a signed JWT after \"Bearer \")",
        _ => "The bearer token is invalid",
    };
}
