using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults;

/// <summary>Who is calling and for which ente (tenant). Every query is scoped by <see cref="TenantId"/>.</summary>
public sealed record RequestIdentity(string TenantId, string UserId)
{
    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    /// <summary>False for anonymous readers of published plans; they may only use public reads.</summary>
    public bool IsAuthenticated { get; init; }

    public bool IsAnonymous => !IsAuthenticated;
}

/// <summary>Resolves the identity of the current call. The one place that decides where it comes from.</summary>
public interface IRequestContext
{
    RequestIdentity Current { get; }
}

public sealed class TenancyOptions
{
    /// <summary>
    /// Ente read by anonymous callers that name none (<c>Platform__DefaultTenant</c>; the launcher sets the demo
    /// ente). Empty by default: then a citizen must name the ente.
    /// </summary>
    public string DefaultTenant { get; set; } = "";
}

/// <summary>
/// Identity from the validated bearer token: <c>sub</c>, <c>tenant</c>, <c>roles</c>. No header a client
/// sets can replace it. Anonymous callers only choose which ente's published plans they read, with the
/// <c>ente</c> query parameter (REST) or the <c>x-platform-ente</c> metadata entry (gRPC); a signed-in user
/// who names another ente than their own reads it as a citizen does. Worked out once per request (the access
/// check and the service both ask), and again only if the request's user changes.
/// </summary>
public sealed class ClaimsRequestContext(IHttpContextAccessor accessor, IOptions<TenancyOptions> options) : IRequestContext
{
    public const string PublicEnteHeader = "x-platform-ente";
    public const string PublicEnteQuery = "ente";

    private static readonly object ItemKey = new();

    private sealed record Resolved(ClaimsPrincipal User, RequestIdentity Identity);

    public RequestIdentity Current
    {
        get
        {
            var http = accessor.HttpContext;
            if (http is null) return Resolve(null);
            if (http.Items.TryGetValue(ItemKey, out var item) && item is Resolved resolved && ReferenceEquals(resolved.User, http.User))
                return resolved.Identity;
            var identity = Resolve(http);
            http.Items[ItemKey] = new Resolved(http.User, identity);
            return identity;
        }
    }

    private RequestIdentity Resolve(HttpContext? http)
    {
        var user = http?.User;
        var ente = http?.Request.Query[PublicEnteQuery].ToString();
        if (string.IsNullOrWhiteSpace(ente)) ente = http?.Request.Headers[PublicEnteHeader].ToString();
        if (user?.Identity?.IsAuthenticated == true)
        {
            var tenant = user.FindFirst(PlatformTokens.TenantClaim)?.Value ?? "";
            if (string.IsNullOrWhiteSpace(ente) || ente == tenant)
                return new RequestIdentity(tenant, user.FindFirst(PlatformTokens.SubjectClaim)?.Value ?? "")
                {
                    Roles = PlatformTokens.RolesOf(user),
                    IsAuthenticated = true,
                };
        }
        return new RequestIdentity(string.IsNullOrWhiteSpace(ente) ? options.Value.DefaultTenant : ente, "anonymous");
    }
}
