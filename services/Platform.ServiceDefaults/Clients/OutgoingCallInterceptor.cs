using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Clients;

/// <summary>
/// For calls from one service to another: forwards the caller's bearer token, propagates the incoming
/// deadline and cancellation (never waiting longer than <paramref name="defaultDeadline"/>), and reports an
/// unreachable or slow service as UNAVAILABLE naming it.
/// </summary>
public sealed class OutgoingCallInterceptor(string service, IHttpContextAccessor accessor, IRequestContext requestContext,
    TimeSpan defaultDeadline) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, WithCallerContext(context));
        return new AsyncUnaryCall<TResponse>(Translate(call.ResponseAsync), call.ResponseHeadersAsync,
            call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithCallerContext(context));

    private ClientInterceptorContext<TRequest, TResponse> WithCallerContext<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context) where TRequest : class where TResponse : class
    {
        var options = context.Options;
        var headers = options.Headers ?? new Metadata();
        var http = accessor.HttpContext;
        var deadline = options.Deadline ?? DateTime.UtcNow.Add(defaultDeadline);
        var cancellation = options.CancellationToken;
        if (http is not null)
        {
            // The caller's token goes along, so the other service checks the same identity; an anonymous
            // reader's choice of ente goes along instead.
            var authorization = http.Request.Headers.Authorization.ToString();
            if (authorization.Length > 0 && headers.Get("authorization") is null) headers.Add("authorization", authorization);
            var who = requestContext.Current;
            if (who.IsAnonymous && headers.Get(ClaimsRequestContext.PublicEnteHeader) is null)
                headers.Add(ClaimsRequestContext.PublicEnteHeader, who.TenantId);
            var incoming = http.Features.Get<IServerCallContextFeature>()?.ServerCallContext;
            if (incoming is not null && incoming.Deadline < deadline) deadline = incoming.Deadline;
            if (!cancellation.CanBeCanceled) cancellation = http.RequestAborted;
        }
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host,
            options.WithHeaders(headers).WithDeadline(deadline).WithCancellationToken(cancellation));
    }

    private async Task<TResponse> Translate<TResponse>(Task<TResponse> response)
    {
        try
        {
            return await response;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw ApiErrors.Unavailable($"The {service} service did not answer in time ({ex.Status.Detail}); try again shortly");
        }
    }
}
