using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway;

/// <summary>
/// A gRPC call whose service fails after the answer began (a replica killed mid-call) would be reset by the
/// proxy, which clients read as <c>INTERNAL</c> or <c>CANCELLED</c>, codes retry policies leave alone. The
/// call ends instead with trailers <c>grpc-status: 14</c> (UNAVAILABLE), which they retry. A caller that went
/// away still gets the reset.
/// </summary>
public sealed class GrpcUnavailableOnUpstreamFailure(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var reset = context.Features.Get<IHttpResetFeature>();
        if (reset is null || !GatewayResponses.IsGrpc(context.Request) || !context.Response.SupportsTrailers())
        {
            await next(context);
            return;
        }
        var deferred = new DeferredReset();
        context.Features.Set<IHttpResetFeature>(deferred);
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(reset);
        }
        if (deferred.RequestedCode is not { } code) return;

        var error = context.GetForwarderErrorFeature();
        if (error?.Error is ForwarderError.ResponseBodyDestination or ForwarderError.RequestBodyDestination
            && !context.RequestAborted.IsCancellationRequested)
        {
            var cluster = context.GetReverseProxyFeature().Route.Cluster?.ClusterId ?? "backend";
            context.Response.AppendTrailer("grpc-status", ((int)StatusCode.Unavailable).ToString());
            context.Response.AppendTrailer("grpc-message", Uri.EscapeDataString($"The {cluster} service failed during the call; try again"));
            await context.Response.CompleteAsync();
            return;
        }
        reset.Reset(code);
    }

    /// <summary>Records the proxy's reset so it can be replaced by a proper gRPC status.</summary>
    private sealed class DeferredReset : IHttpResetFeature
    {
        public int? RequestedCode { get; private set; }

        public void Reset(int errorCode) => RequestedCode ??= errorCode;
    }
}
