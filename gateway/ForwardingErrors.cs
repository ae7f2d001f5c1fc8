using Grpc.Core;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// Turns a failed forward into the answer a client expects. A service that cannot be reached (down, or no
/// healthy replica) gives <c>UNAVAILABLE</c> / 503 for its own routes only; a client whose request body broke
/// the rules (too large, cut off) gets the 4xx it earned, not a 503.
/// </summary>
public sealed class ForwardingErrors(RequestDelegate next, ILogger<ForwardingErrors> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted || error.Error == ForwarderError.RequestCanceled) return;

        if (error.Error is ForwarderError.RequestBodyClient or ForwarderError.RequestBodyCanceled)
        {
            var badRequest = FindBadRequest(error.Exception);
            var tooLarge = badRequest?.StatusCode == StatusCodes.Status413PayloadTooLarge;
            await GatewayResponses.WriteAsync(context, StatusCode.InvalidArgument, tooLarge ? "REQUEST_TOO_LARGE" : "BAD_REQUEST_BODY",
                badRequest?.Message ?? "The request body could not be read", statusCode: badRequest?.StatusCode ?? StatusCodes.Status400BadRequest);
            return;
        }

        var cluster = context.GetReverseProxyFeature().Route.Cluster?.ClusterId ?? "backend";
        logger.LogWarning("{Cluster} unavailable for {Path}: {Error} ({Reason})", cluster, context.Request.Path,
            error.Error, error.Exception?.GetBaseException().Message);
        await GatewayResponses.WriteAsync(context, StatusCode.Unavailable, "SERVICE_UNAVAILABLE",
            $"The {cluster} service is unavailable; try again shortly", new Dictionary<string, string> { ["service"] = cluster });
    }

    private static BadHttpRequestException? FindBadRequest(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is BadHttpRequestException bad) return bad;
        return null;
    }
}
