using Grpc.Core;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// When a route's service cannot be reached (down, or no healthy replica), answers as the service would
/// have: <c>UNAVAILABLE</c> for gRPC callers, 503 for REST callers. Other services' routes are untouched.
/// </summary>
public sealed class UnavailableBackend(RequestDelegate next, ILogger<UnavailableBackend> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted || error.Error == ForwarderError.RequestCanceled) return;

        var cluster = context.GetReverseProxyFeature().Route.Cluster?.ClusterId ?? "backend";
        logger.LogWarning("{Cluster} unavailable for {Path}: {Error} ({Reason})", cluster, context.Request.Path,
            error.Error, error.Exception?.GetBaseException().Message);
        await GatewayResponses.WriteAsync(context, StatusCode.Unavailable, "SERVICE_UNAVAILABLE",
            $"The {cluster} service is unavailable; try again shortly", new Dictionary<string, string> { ["service"] = cluster });
    }
}
