using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.Web.Session;

/// <summary>
/// The signed-in person as this app sees them: the claims of their API token (read, not validated: the
/// gateway and the services validate it on every call) and the token itself, kept inside the encrypted
/// session cookie.
/// </summary>
public static class SessionUser
{
    public const string TokenName = "access_token";
    public const string TenantClaim = "tenant";
    public const string RolesClaim = "roles";
    public const string SubjectClaim = "sub";
    private static readonly TimeSpan LongestSession = TimeSpan.FromHours(8);

    /// <summary>The principal and cookie properties for a token; null when it is not a readable JWT or has expired.</summary>
    public static (ClaimsPrincipal User, AuthenticationProperties Properties)? From(string token, DateTimeOffset now)
    {
        JsonWebToken jwt;
        try { jwt = new JsonWebToken(token.Trim()); }
        catch (ArgumentException) { return null; }
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (jwt.ValidTo != DateTime.MinValue && expires <= now) return null;

        var claims = jwt.Claims.Where(c => c.Type is SubjectClaim or TenantClaim or RolesClaim).Select(c => new Claim(c.Type, c.Value));
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, SubjectClaim, RolesClaim);
        var properties = new AuthenticationProperties
        {
            IsPersistent = false,
            ExpiresUtc = jwt.ValidTo == DateTime.MinValue || expires > now + LongestSession ? now + LongestSession : expires,
        };
        properties.StoreTokens([new AuthenticationToken { Name = TokenName, Value = token.Trim() }]);
        return (new ClaimsPrincipal(identity), properties);
    }
}
