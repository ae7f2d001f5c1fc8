using System.Diagnostics;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Last line of defence: an exception that is not an <see cref="RpcException"/> is a bug, so it is logged with
/// its trace id and the client gets INTERNAL without internals. Every error leaves in the caller's language
/// (<see cref="ErrorLocalization"/>).
/// </summary>
public sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex)
        {
            throw ErrorLocalization.ForCaller(ex as RpcException ?? Translate(ex, context), context.GetHttpContext());
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex)
        {
            throw ErrorLocalization.ForCaller(ex as RpcException ?? Translate(ex, context), context.GetHttpContext());
        }
    }

    private RpcException Translate(Exception ex, ServerCallContext context)
    {
        if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled"));
        var traceId = Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
        logger.LogError(ex, "Unhandled error in {Method} (trace {TraceId})", context.Method, traceId);
        return ApiErrors.Internal(traceId);
    }
}
