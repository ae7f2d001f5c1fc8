using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Binds every gRPC service as grpc-dotnet's own binder does, with one difference: a request body that is not a
/// valid protobuf message is the client's mistake, so it answers INVALID_ARGUMENT (naming the body) instead of
/// UNKNOWN with an error-level stack trace. The body is read before any interceptor runs, which is why this
/// sits in the binding and not in <see cref="ErrorInterceptor"/>.
/// </summary>
public static class ProtobufBodyErrors
{
    public static IServiceCollection AddProtobufBodyErrors(this IServiceCollection services)
    {
        var defaultBinder = services.Single(d => d.ServiceType == typeof(IServiceMethodProvider<>)
                                                 && d.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true);
        services.Remove(defaultBinder);
        services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IServiceMethodProvider<>), typeof(Provider<>)));
        return services;
    }

    private static Method<TRequest, TResponse> WithClientErrors<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class
    {
        var inner = method.RequestMarshaller.ContextualDeserializer;
        var requests = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return inner(context);
            }
            catch (InvalidProtocolBufferException ex)
            {
                throw ApiErrors.InvalidArgument("body", $"is not a valid {typeof(TRequest).Name} protobuf message: {ex.Message}");
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller);
    }

    /// <summary>Finds the generated <c>BindService(ServiceBinderBase, TBase)</c> and binds through <see cref="Binder{TService}"/>.</summary>
    private sealed class Provider<TService> : IServiceMethodProvider<TService> where TService : class
    {
        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
        {
            for (var type = typeof(TService); type is not null; type = type.BaseType)
            {
                var bind = type.GetCustomAttribute<BindServiceMethodAttribute>();
                if (bind is null) continue;
                var method = bind.BindType.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .Single(m => m.Name == bind.BindMethodName && m.GetParameters() is [{ } first, _]
                                 && first.ParameterType == typeof(ServiceBinderBase));
                method.Invoke(null, [new Binder<TService>(context, method.GetParameters()[1].ParameterType), null]);
                return;
            }
        }
    }

    private sealed class Binder<TService>(ServiceMethodProviderContext<TService> context, Type declaringType) : ServiceBinderBase
        where TService : class
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(WithClientErrors(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(WithClientErrors(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(WithClientErrors(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Model<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(WithClientErrors(method), metadata, invoker);
        }

        /// <summary>The implementation's override of <paramref name="name"/>, with the type's and the method's attributes as endpoint metadata.</summary>
        private (TDelegate Invoker, List<object> Metadata) Model<TDelegate>(string name, params Type[] parameters) where TDelegate : Delegate
        {
            var implementation = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                is { IsVirtual: true } candidate && candidate.GetBaseDefinition().DeclaringType == declaringType
                ? candidate
                : declaringType.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                  ?? throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true));
            metadata.AddRange(implementation.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), implementation), metadata);
        }
    }
}
