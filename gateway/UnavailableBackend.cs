using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Platform.ServiceDefaults.Errors;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// When a route's service cannot be reached (down, or no healthy replica), answers as the service would
/// have: gRPC callers get <c>UNAVAILABLE</c> in trailers, REST callers a 503 with a <c>google.rpc.Status</c>.
/// Other services' routes are untouched.
/// </summary>
public sealed class UnavailableBackend(RequestDelegate next, ILogger<UnavailableBackend> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted || error.Error == ForwarderError.RequestCanceled) return;

        var cluster = context.GetReverseProxyFeature().Route.Cluster?.ClusterId ?? "backend";
        var message = $"The {cluster} service is unavailable; try again shortly";
        logger.LogWarning("{Cluster} unavailable for {Path}: {Error} ({Reason})", cluster, context.Request.Path,
            error.Error, error.Exception?.GetBaseException().Message);

        var status = new Google.Rpc.Status
        {
            Code = (int)StatusCode.Unavailable,
            Message = message,
            Details = { Any.Pack(new ErrorInfo { Reason = "SERVICE_UNAVAILABLE", Domain = ApiErrors.Domain, Metadata = { ["service"] = cluster } }) },
        };
        context.Response.Clear();
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A trailers-only gRPC response, with the rich status as a service would send it.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = status.Code.ToString();
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
            return;
        }
        await StatusJson.WriteAsync(context.Response, status);
    }
}
