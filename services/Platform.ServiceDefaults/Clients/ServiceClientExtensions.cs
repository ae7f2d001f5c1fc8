using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Clients;

public static class ServiceClientExtensions
{
    /// <summary>
    /// Registers a gRPC client for another Platform service at <c>Services:{service}</c> (e.g.
    /// <c>Services:objectives = http://127.0.0.1:5101</c>), over h2c, with the caller's identity and deadline
    /// carried along and transport failures turned into a clear UNAVAILABLE.
    /// </summary>
    public static IHttpClientBuilder AddPlatformClient<TClient>(this IServiceCollection services, string service,
        TimeSpan? deadline = null) where TClient : ClientBase
    {
        return services.AddGrpcClient<TClient>((provider, options) =>
            {
                var address = provider.GetRequiredService<IConfiguration>()[$"Services:{service}"];
                if (string.IsNullOrWhiteSpace(address))
                    throw new InvalidOperationException($"Services:{service} (the {service} service address) is not configured");
                options.Address = new Uri(address);
            })
            .AddInterceptor(InterceptorScope.Client, provider => new OutgoingCallInterceptor(service,
                provider.GetRequiredService<IHttpContextAccessor>(), provider.GetRequiredService<IRequestContext>(), deadline ?? TimeSpan.FromSeconds(5)));
    }
}
