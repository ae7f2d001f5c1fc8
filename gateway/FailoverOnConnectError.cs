using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// A replica that refuses the connection has not seen the request, so it is safe to send the request to
/// another replica of the same service. This closes the gap until health checks take the dead replica out:
/// only requests already in flight on it can be lost. The request body is buffered as it is forwarded, so a
/// retry sends it whole again: without that, the next replica read what was left of it (an empty or cut
/// message, INTERNAL "Incomplete message" for gRPC).
/// </summary>
public sealed class FailoverOnConnectError(RequestDelegate next, ILogger<FailoverOnConnectError> logger)
{
    private const int MaxAttempts = 3;

    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        // Load balancing narrows AvailableDestinations to its pick, so keep the candidates here.
        var candidates = proxy.AvailableDestinations;
        if (candidates.Count > 1) context.Request.EnableBuffering();
        for (var attempt = 1; ; attempt++)
        {
            proxy.AvailableDestinations = candidates;
            await next(context);
            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted || attempt == MaxAttempts || !IsConnectFailure(error)) return;

            var failed = proxy.ProxiedDestination;
            candidates = candidates.Where(d => d != failed).ToList();
            if (candidates.Count == 0) return;
            if (!context.Request.Body.CanSeek) return;
            context.Request.Body.Position = 0;
            logger.LogInformation("Replica {Destination} refused the connection; retrying on another", failed?.DestinationId);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }

    private static bool IsConnectFailure(IForwarderErrorFeature error) =>
        error.Error == ForwarderError.Request
        && error.Exception?.GetBaseException() is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.HostUnreachable,
        };
}
