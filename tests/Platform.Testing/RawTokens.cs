using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Testing;

/// <summary>HS256 JWTs of any payload, as a buggy issuer or someone holding the key could write them.</summary>
public static class RawTokens
{
    /// <summary>The standard claims of a valid local token (no tenant), to be completed by the caller.</summary>
    public static string StandardClaims(string subject = "alice", string role = "admin")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return $"\"sub\":\"{subject}\",\"roles\":[\"{role}\"],\"iss\":\"platform-local\",\"aud\":\"platform\",\"iat\":{now},\"nbf\":{now},\"exp\":{now + 3600}";
    }

    public static string Sign(string base64Key, string payloadJson)
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = Base64UrlEncoder.Encode(payloadJson);
        var signature = HMACSHA256.HashData(Convert.FromBase64String(base64Key), Encoding.ASCII.GetBytes($"{header}.{payload}"));
        return $"{header}.{payload}.{Base64UrlEncoder.Encode(signature)}";
    }
}
