using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway;

/// <summary>
/// The first check of a bearer token (services check it again): a request that carries a token must carry
/// a valid one, or it stops here with UNAUTHENTICATED / 401. Requests without a token go on as anonymous;
/// the services decide what anonymous callers may read (published plans only).
/// </summary>
public sealed class BearerTokenCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0)
        {
            // The authentication middleware already ran the default scheme; its result is reused.
            var result = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult ?? await context.AuthenticateAsync();
            if (!result.Succeeded)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                await GatewayResponses.WriteAsync(context, StatusCode.Unauthenticated, "INVALID_TOKEN",
                    TokenRules.Describe(result.Failure));
                return;
            }
            context.User = result.Principal;
        }
        await next(context);
    }
}
