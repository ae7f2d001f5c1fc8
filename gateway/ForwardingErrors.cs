using Grpc.Core;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// Turns a failed forward into the answer a client expects, for that one call. A service that cannot be
/// reached (down, or no healthy replica) gives <c>UNAVAILABLE</c> / 503 for its own routes only; a client
/// whose request body broke the rules (too large, cut off, refused by the service) gets the 4xx it earned;
/// a service answer too large to read is <c>INTERNAL</c> / 502 for its caller, not an outage.
/// </summary>
public sealed class ForwardingErrors(RequestDelegate next, ILogger<ForwardingErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted || error.Error == ForwarderError.RequestCanceled) return;
        // The service answered and only stopped reading the rest of the body: its answer stands.
        if (error.Error == ForwarderError.RequestBodyDestination
            && context.Response.StatusCode is not (StatusCodes.Status502BadGateway or StatusCodes.Status504GatewayTimeout)) return;

        var cluster = context.GetReverseProxyFeature().Route.Cluster?.ClusterId ?? "backend";
        var badRequest = FindBadRequest(error.Exception);
        // A body copy cut short because the service failed is reported as the client's; it is not.
        if (error.Error is ForwarderError.RequestBodyClient or ForwarderError.RequestBodyCanceled
            && (badRequest is not null || !UpstreamFailures.IsServiceFailure(error.Exception)))
        {
            var tooLarge = badRequest?.StatusCode == StatusCodes.Status413PayloadTooLarge;
            await GatewayResponses.WriteAsync(context, StatusCode.InvalidArgument, tooLarge ? "REQUEST_TOO_LARGE" : "BAD_REQUEST_BODY",
                badRequest?.Message ?? "The request body could not be read", statusCode: badRequest?.StatusCode ?? StatusCodes.Status400BadRequest);
        }
        else if (UpstreamFailures.IsResponseTooLarge(error.Exception))
        {
            logger.LogWarning("{Cluster} answered {Path} with headers too large to read", cluster, context.Request.Path);
            await GatewayResponses.WriteAsync(context, StatusCode.Internal, "UPSTREAM_RESPONSE_TOO_LARGE",
                $"The {cluster} service's answer was too large to forward", statusCode: StatusCodes.Status502BadGateway);
        }
        else if (error.Error == ForwarderError.RequestBodyDestination && UpstreamFailures.IsStreamReset(error.Exception))
        {
            await GatewayResponses.WriteAsync(context, StatusCode.InvalidArgument, "BAD_REQUEST_BODY",
                $"The {cluster} service refused the request body");
        }
        else
        {
            logger.LogWarning("{Cluster} unavailable for {Path}: {Error} ({Reason})", cluster, context.Request.Path,
                error.Error, error.Exception?.GetBaseException().Message);
            await GatewayResponses.WriteAsync(context, StatusCode.Unavailable, "SERVICE_UNAVAILABLE",
                $"The {cluster} service is unavailable; try again shortly", new Dictionary<string, string> { ["service"] = cluster });
        }
    }

    private static BadHttpRequestException? FindBadRequest(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is BadHttpRequestException bad) return bad;
        return null;
    }
}
