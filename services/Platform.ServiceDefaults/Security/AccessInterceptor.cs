using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The role that writes in a service, registered by the service itself: planners own plans and indicators, the
/// finance office budgets.
/// </summary>
public sealed record ServiceAccess(string WriterRole);

/// <summary>
/// Enforces the <see cref="AccessAttribute"/> of every Platform RPC (gRPC and transcoded REST alike):
/// UNAUTHENTICATED without a valid token (unless the RPC is a public read), PERMISSION_DENIED when the
/// caller's roles do not reach the declared level, and for an RPC that declares nothing (fail closed).
/// </summary>
public sealed class AccessInterceptor(IRequestContext requestContext, ServiceAccess access) : Interceptor
{
    private static readonly string[] TenantRoles = [Roles.Admin, Roles.Planner, Roles.Finance, Roles.Reader];

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(request, context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await CheckAsync(request, context);
        await continuation(request, responseStream, context);
    }

    private async Task CheckAsync(object request, ServerCallContext context)
    {
        // Health and reflection are infrastructure, open to probes and tools.
        if (!context.Method.StartsWith("/platform.", StringComparison.Ordinal)) return;
        var http = context.GetHttpContext();
        var declared = http.GetEndpoint()?.Metadata.GetMetadata<AccessAttribute>()
            ?? throw ApiErrors.PermissionDenied($"{context.Method} declares no access rule");
        // A token that fails validation is refused, never read as an anonymous call.
        if (http.Request.Headers.Authorization.Count > 0 && http.User.Identity?.IsAuthenticated != true)
            throw ApiErrors.Unauthenticated(await AuthenticationSetup.RefusalReasonAsync(http));
        var who = requestContext.Current;
        if (who.IsAnonymous)
        {
            await CheckPublicReadAsync(declared, request, who, http.RequestServices, context.CancellationToken);
            return;
        }
        if (who.TenantId.Length == 0 || who.UserId.Length == 0)
            throw ApiErrors.Unauthenticated("The token names no tenant or subject");

        var allowed = declared.Level switch
        {
            AccessLevel.Read => TenantRoles.Any(who.Roles.Contains),
            AccessLevel.Write => who.Roles.Contains(Roles.Admin) || who.Roles.Contains(access.WriterRole),
            AccessLevel.Admin => who.Roles.Contains(Roles.Admin),
            _ => false,
        };
        if (!allowed)
            throw ApiErrors.PermissionDenied(declared.Level switch
            {
                AccessLevel.Write => $"Needs the {access.WriterRole} or admin role",
                AccessLevel.Admin => "Needs the admin role",
                _ => "Needs a role of this ente",
            });
    }

    /// <summary>
    /// Citizens read what is published: a public list (which then shows published plans only), or a public read
    /// of something a policy judges (a published plan and what is under it); anything else does not exist for
    /// them. The policy is resolved only here, from the call's services: it may need a client of another service.
    /// </summary>
    private static async Task CheckPublicReadAsync(AccessAttribute declared, object request, RequestIdentity who,
        IServiceProvider services, CancellationToken ct)
    {
        var policy = declared.PublicWhenPublished ? services.GetService(typeof(IPublicReadPolicy)) as IPublicReadPolicy : null;
        if (request is not Google.Protobuf.IMessage message || !(declared.PublicListing || policy?.Covers(message) == true))
            throw ApiErrors.Unauthenticated("A valid bearer token is required");
        if (who.TenantId.Length == 0)
            throw ApiErrors.InvalidArgument(ClaimsRequestContext.PublicEnteQuery,
                "is required to read without signing in: name the ente with ?ente= (REST) or x-platform-ente metadata (gRPC)");
        if (declared.PublicListing) return;
        if (!await policy!.AllowsAsync(message, who, ct))
            throw ApiErrors.NotFound("The requested resource");
    }
}
