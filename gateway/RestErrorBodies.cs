using Grpc.Core;
using Platform.ServiceDefaults.Errors;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway;

/// <summary>
/// Every REST error has a <c>google.rpc.Status</c> body. A service's routing answers (404 for a path no
/// method serves, 405 for a wrong verb) come with an empty body; the gateway writes one that names the
/// problem, and answers paths no service owns itself.
/// </summary>
public static class RestErrorBodies
{
    /// <summary>Response transform: fills an empty REST error from a service.</summary>
    public static async ValueTask FillEmptyAsync(ResponseTransformContext transform)
    {
        var (context, upstream) = (transform.HttpContext, transform.ProxyResponse);
        if (upstream is null || (int)upstream.StatusCode < 400 || GatewayResponses.IsGrpc(context.Request)) return;
        if (upstream.Content.Headers.ContentLength is not 0 && upstream.Content.Headers.ContentType is not null) return;

        transform.SuppressResponseBody = true;
        var allow = string.Join(", ", upstream.Content.Headers.Allow);
        context.Response.Headers.Clear();
        if (allow.Length > 0) context.Response.Headers.Allow = allow;
        var request = context.Request;
        var (code, reason, message) = (int)upstream.StatusCode switch
        {
            StatusCodes.Status404NotFound => (StatusCode.NotFound, "NO_SUCH_METHOD", NoMethod(request)),
            StatusCodes.Status405MethodNotAllowed => (StatusCode.Unimplemented, "METHOD_NOT_ALLOWED",
                $"{request.Method} is not allowed on {request.Path}" + (allow.Length > 0 ? $"; allowed: {allow}" : "")),
            var status => (ToCode(status), "UPSTREAM_ERROR", $"The request failed with HTTP {status}"),
        };
        await WriteAsync(context, code, reason, message, (int)upstream.StatusCode);
    }

    /// <summary>Fallback endpoint: a path no route sends anywhere.</summary>
    public static Task NoRouteAsync(HttpContext context) => GatewayResponses.IsGrpc(context.Request)
        ? GatewayResponses.WriteAsync(context, StatusCode.Unimplemented, "UNKNOWN_METHOD", $"No service offers {context.Request.Path}")
        : WriteAsync(context, StatusCode.NotFound, "NO_SUCH_METHOD", NoMethod(context.Request), StatusCodes.Status404NotFound);

    private static Task WriteAsync(HttpContext context, StatusCode code, string reason, string message, int httpStatus) =>
        GatewayResponses.WriteAsync(context, code, reason, message,
            new Dictionary<string, string> { ["method"] = context.Request.Method, ["path"] = context.Request.Path.Value ?? "" },
            statusCode: httpStatus);

    private static string NoMethod(HttpRequest request)
    {
        var message = $"No API method matches {request.Method} {request.Path}; see /docs for the paths";
        var segments = (request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var repeated = segments.Zip(segments.Skip(1)).FirstOrDefault(p => p.First == p.Second && p.First.Length > 0).First;
        return repeated is null ? message
            : $"{message}. The path repeats '{repeated}/': put a resource name in the path once, e.g. /v1/{repeated}/<id> for '{repeated}/<id>'";
    }

    private static StatusCode ToCode(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.InvalidArgument,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        409 => StatusCode.Aborted,
        413 => StatusCode.InvalidArgument,
        429 => StatusCode.ResourceExhausted,
        503 => StatusCode.Unavailable,
        504 => StatusCode.DeadlineExceeded,
        < 500 => StatusCode.FailedPrecondition,
        _ => StatusCode.Internal,
    };
}
