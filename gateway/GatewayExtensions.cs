using Grpc.Health.V1;
using Grpc.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Platform.Gateway.ApiDocs;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway;

public static class GatewayExtensions
{
    /// <summary>The services behind the gateway, as reflection clients see them.</summary>
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor[] PublishedServices =
    [
        ObjectivesService.Descriptor,
        IndicatorsService.Descriptor,
        FinanceService.Descriptor,
        Platform.Documents.V1.DocumentsService.Descriptor,
        Health.Descriptor,
    ];

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            void Listen(int port, HttpProtocols protocols)
            {
                if (options.ListenOnAllInterfaces) kestrel.ListenAnyIP(port, l => l.Protocols = protocols);
                else kestrel.ListenLocalhost(port, l => l.Protocols = protocols);
            }
            Listen(options.RestPort, HttpProtocols.Http1);
            Listen(options.GrpcPort, HttpProtocols.Http2);
        });
        builder.AddPlatformTelemetry("gateway");

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(transforms =>
            {
                // Identity travels only in the bearer token; headers that look like identity are dropped.
                foreach (var header in StrippedHeaders) transforms.AddRequestHeaderRemove(header);
                transforms.AddResponseTransform(RestErrorBodies.FillEmptyAsync);
                transforms.AddResponseTransform(response =>
                {
                    OversizedGrpcStatus.Shrink(response.HttpContext.Response.Headers, options.MaxForwardedStatusBytes);
                    return ValueTask.CompletedTask;
                });
                transforms.AddResponseTrailersTransform(response =>
                {
                    if (response.HttpContext.Features.Get<IHttpResponseTrailersFeature>()?.Trailers is { } trailers)
                        OversizedGrpcStatus.Shrink(trailers, options.MaxForwardedStatusBytes);
                    return ValueTask.CompletedTask;
                });
            });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IForwarderHttpClientFactory, UpstreamHttpClientFactory>();
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, ServiceFailureRatePolicy>();
        HealthChangeLog.Decorate(builder.Services);
        builder.Services.AddPlatformAuthentication();
        builder.Services.AddTrafficLimits(builder.Configuration);

        // Reflection for every service behind the gateway, answered here from the shared contracts, so a
        // generic client sees all three services on one address.
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new ReflectionServiceImpl(PublishedServices));
        builder.Services.AddSingleton(new ReflectionV1ServiceImpl(PublishedServices));
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddHostedService<ParentProcessWatchdog>();
        return builder;
    }

    /// <summary>Client-sent headers that could pass for identity; never forwarded.</summary>
    private static readonly string[] StrippedHeaders = ["x-platform-tenant", "x-platform-user", "x-forwarded-user", "x-tenant-id"];

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapPlatformTelemetry(traceIdHeader: false);
        // Its calls wait on the services, which bound their own work: the bound here (Platform:Admission) is for memory.
        app.UseAdmissionControl();
        app.UseCors(TrafficLimits.CorsPolicy);
        app.UseMiddleware<BearerTokenCheck>();
        app.UseRateLimiter();
        app.MapGrpcService<ReflectionServiceImpl>();
        app.MapGrpcService<ReflectionV1ServiceImpl>();
        app.MapGrpcHealthChecksService();
        app.MapGet("/healthz", GatewayHealth.ReportAsync);
        app.MapApiDocs();
        app.MapFallback(RestErrorBodies.NoRouteAsync);
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<JsonBodyDefault>();
            proxy.UseMiddleware<GrpcUnavailableOnUpstreamFailure>();
            proxy.UseMiddleware<ForwardingErrors>();
            proxy.UseMiddleware<FailoverOnConnectError>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
