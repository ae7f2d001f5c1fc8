using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults;

/// <summary>Who is calling and for which ente (tenant). Every query is scoped by <see cref="TenantId"/>.</summary>
public sealed record RequestIdentity(string TenantId, string UserId);

/// <summary>Resolves the identity of the current call. The one place that decides where it comes from.</summary>
public interface IRequestContext
{
    RequestIdentity Current { get; }
}

public sealed class TenancyOptions
{
    /// <summary>Tenant used when the call names none (the embedded demo ente).</summary>
    public string DefaultTenant { get; set; } = "demo";
}

/// <summary>
/// Until identity is wired at the gateway, the tenant and user come from trusted metadata headers set by the
/// gateway (<c>x-platform-tenant</c>, <c>x-platform-user</c>), falling back to the configured default tenant.
/// </summary>
public sealed class HeaderRequestContext(IHttpContextAccessor accessor, IOptions<TenancyOptions> options) : IRequestContext
{
    public const string TenantHeader = "x-platform-tenant";
    public const string UserHeader = "x-platform-user";

    public RequestIdentity Current
    {
        get
        {
            var headers = accessor.HttpContext?.Request.Headers;
            var tenant = headers?[TenantHeader].ToString();
            var user = headers?[UserHeader].ToString();
            return new RequestIdentity(
                string.IsNullOrWhiteSpace(tenant) ? options.Value.DefaultTenant : tenant,
                string.IsNullOrWhiteSpace(user) ? "anonymous" : user);
        }
    }
}
