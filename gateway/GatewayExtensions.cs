using Grpc.Health.V1;
using Grpc.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Objectives.V1;
using Platform.ServiceDefaults;
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
        Health.Descriptor,
    ];

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            void Listen(int port, HttpProtocols protocols)
            {
                if (options.ListenOnAllInterfaces) kestrel.ListenAnyIP(port, l => l.Protocols = protocols);
                else kestrel.ListenLocalhost(port, l => l.Protocols = protocols);
            }
            Listen(options.RestPort, HttpProtocols.Http1);
            Listen(options.GrpcPort, HttpProtocols.Http2);
        });
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(transforms =>
            {
                // Identity headers are the gateway's to set, never the client's.
                transforms.AddRequestHeaderRemove(HeaderRequestContext.TenantHeader);
                transforms.AddRequestHeaderRemove(HeaderRequestContext.UserHeader);
            });

        // Reflection for every service behind the gateway, answered here from the shared contracts, so a
        // generic client sees all three services on one address.
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(new ReflectionServiceImpl(PublishedServices));
        builder.Services.AddSingleton(new ReflectionV1ServiceImpl(PublishedServices));
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddHostedService<ParentProcessWatchdog>();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapGrpcService<ReflectionServiceImpl>();
        app.MapGrpcService<ReflectionV1ServiceImpl>();
        app.MapGrpcHealthChecksService();
        app.MapGet("/healthz", GatewayHealth.ReportAsync);
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<JsonBodyDefault>();
            proxy.UseMiddleware<UnavailableBackend>();
        });
        return app;
    }
}
