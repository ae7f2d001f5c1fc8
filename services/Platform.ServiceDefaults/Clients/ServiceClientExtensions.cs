using Grpc.Net.Client.Balancer;
using Grpc.Net.Client.Configuration;
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
    /// carried along and transport failures turned into a clear UNAVAILABLE. Several addresses separated by
    /// commas are the service's replicas: calls are spread round-robin and skip a replica that is down.
    /// </summary>
    public static IHttpClientBuilder AddPlatformClient<TClient>(this IServiceCollection services, string service,
        TimeSpan? deadline = null) where TClient : ClientBase
    {
        if (!services.Any(d => d.ServiceType == typeof(ResolverFactory)))
            services.AddSingleton<ResolverFactory>(provider => new StaticResolverFactory(uri =>
                Addresses(provider.GetRequiredService<IConfiguration>(), uri.AbsolutePath.Trim('/'))
                    .Select(a => new BalancerAddress(a.Host, a.Port))));

        return services.AddGrpcClient<TClient>((provider, options) =>
            {
                var addresses = Addresses(provider.GetRequiredService<IConfiguration>(), service);
                options.Address = addresses.Count == 1 ? addresses[0] : new Uri($"static:///{service}");
            })
            .ConfigureChannel((provider, channel) =>
            {
                // Service-to-service calls read (links, trees, publication), so a call that found a replica
                // gone is safe to try again on another.
                channel.ServiceConfig = new ServiceConfig { MethodConfigs = { RetryOnUnavailable } };
                if (Addresses(provider.GetRequiredService<IConfiguration>(), service).Count == 1) return;
                channel.Credentials = ChannelCredentials.Insecure;
                channel.ServiceConfig.LoadBalancingConfigs.Add(new RoundRobinConfig());
            })
            .AddInterceptor(InterceptorScope.Client, provider => new OutgoingCallInterceptor(service,
                provider.GetRequiredService<IHttpContextAccessor>(), provider.GetRequiredService<IRequestContext>(), deadline ?? TimeSpan.FromSeconds(5)));
    }

    private static readonly MethodConfig RetryOnUnavailable = new()
    {
        Names = { MethodName.Default },
        RetryPolicy = new RetryPolicy
        {
            MaxAttempts = 3,
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(1),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        },
    };

    private static IReadOnlyList<Uri> Addresses(IConfiguration configuration, string service)
    {
        var value = configuration[$"Services:{service}"];
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidOperationException($"Services:{service} (the {service} service address) is not configured");
        return value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => new Uri(a)).ToList();
    }
}
