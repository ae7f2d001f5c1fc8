using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults;

/// <summary>What every Platform service process sets up the same way (eShop's ServiceDefaults).</summary>
public static class ServiceDefaultsExtensions
{
    private const int ConnectionWindowBytes = 32 * 1024 * 1024;

    /// <summary>
    /// h2c Kestrel, gRPC with JSON transcoding and the error interceptor, reflection, health, logging, the
    /// request context, and the service's own database with its migrations applied at start-up.
    /// </summary>
    /// <param name="serviceName">Short lowercase name: the SQLite file name and the migration module.</param>
    /// <param name="migrations">Assembly that embeds the service's <c>Migrations/*/NNNN_name.sql</c>; null for a
    /// service without a database of its own (Documents reads the other services only).</param>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName,
        Assembly? migrations)
    {
        // The gateway talks to services with HTTP/2 prior knowledge, for gRPC and transcoded REST alike. Its
        // callers' calls share one connection, whose flow-control window is also taken by the bodies of calls
        // still waiting for a slot (admission control): a window of many streams' worth keeps admitted calls
        // receiving theirs (bounded: 32 MB per connection, each stream at most its own 768 KB window).
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.Http2.InitialConnectionWindowSize = ConnectionWindowBytes;
        });

        builder.AddPlatformTelemetry(serviceName);

        var services = builder.Services;
        // Stateless: one instance each, instead of one per call (gRPC creates unregistered interceptors per call).
        services.AddSingleton<ErrorInterceptor>().AddSingleton<RequestLimits>().AddSingleton<AccessInterceptor>();
        services.AddGrpc(grpc =>
            {
                grpc.Interceptors.Add<ErrorInterceptor>();
                grpc.Interceptors.Add<RequestLimits>();
                grpc.Interceptors.Add<AccessInterceptor>();
            })
            .AddJsonTranscoding(transcoding => transcoding.TypeRegistry = StatusJson.DetailTypes);
        services.AddProtobufBodyErrors();
        services.AddGrpcReflection();
        var health = services.AddGrpcHealthChecks();

        services.AddHttpContextAccessor();
        services.Configure<TenancyOptions>(builder.Configuration.GetSection("Platform"));
        services.AddPlatformAuthentication();
        services.AddSingleton<IRequestContext, ClaimsRequestContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<ParentProcessWatchdog>();
        if (migrations is null) return builder;

        health.AddCheck<DatabaseHealthCheck>("database");
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ImportRequests>();
        services.AddSingleton<Imports.FileImports>();

        services.AddSingleton(provider =>
        {
            var database = DatabaseSettings.Create(provider.GetRequiredService<IConfiguration>(), serviceName);
            foreach (var hook in provider.GetServices<IChangeCommitHook>()) database.AddCommitHook(hook);
            return database;
        });
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService(provider => new MigrationHostedService(
            provider.GetRequiredService<MigrationRunner>(),
            provider.GetRequiredService<Database>(),
            serviceName, migrations));
        return builder;
    }

    /// <summary>
    /// Trace ids and <c>/metrics</c>; authentication; strict REST bodies; reflection, <c>grpc.health.v1</c>,
    /// <c>/healthz</c> (ready: database included) and <c>/alive</c> (the process answers).
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapPlatformTelemetry();
        app.UseMiddleware<Api.UnreadBodyDrain>();
        app.UseAdmissionControl();
        app.UseAuthentication();
        app.UseMiddleware<RestBodyValidation>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        app.MapHealthChecks("/healthz");
        // Liveness: the process answers, whatever its database says (orchestrators restart on this one).
        app.MapHealthChecks("/alive", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        return app;
    }
}
