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
    /// <summary>Ente read by anonymous callers that name none (the embedded demo ente).</summary>
    public string DefaultTenant { get; set; } = "demo";
}

/// <summary>
/// Identity from the validated bearer token: <c>sub</c>, <c>tenant</c>, <c>roles</c>. No header a client
/// sets can replace it. Anonymous callers only choose which ente's published plans they read, with the
/// <c>ente</c> query parameter (REST) or the <c>x-platform-ente</c> metadata entry (gRPC).
/// </summary>
public sealed class ClaimsRequestContext(IHttpContextAccessor accessor, IOptions<TenancyOptions> options) : IRequestContext
{
    public const string PublicEnteHeader = "x-platform-ente";
    public const string PublicEnteQuery = "ente";

    public RequestIdentity Current
    {
        get
        {
            var http = accessor.HttpContext;
            var user = http?.User;
            if (user?.Identity?.IsAuthenticated == true)
            {
                return new RequestIdentity(
                    user.FindFirst(PlatformTokens.TenantClaim)?.Value ?? "",
                    user.FindFirst(PlatformTokens.SubjectClaim)?.Value ?? "")
                {
                    Roles = PlatformTokens.RolesOf(user),
                    IsAuthenticated = true,
                };
            }
            var ente = http?.Request.Query[PublicEnteQuery].ToString();
            if (string.IsNullOrWhiteSpace(ente)) ente = http?.Request.Headers[PublicEnteHeader].ToString();
            return new RequestIdentity(string.IsNullOrWhiteSpace(ente) ? options.Value.DefaultTenant : ente, "anonymous");
        }
    }
}
