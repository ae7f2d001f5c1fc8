using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults;

/// <summary>
/// Logs, traces and metrics, the same in every process (gateway included): one-line, length-capped console
/// logs that carry the trace id (<see cref="BoundedConsoleFormatter"/>), OpenTelemetry traces across gateway,
/// services and service-to-service calls
/// (exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), and Prometheus metrics at
/// <c>/metrics</c>. Service responses say their trace id in <c>x-trace-id</c> (for support requests).
/// </summary>
public static class Telemetry
{
    public const string TraceIdHeader = "x-trace-id";

    public static IHostApplicationBuilder AddPlatformTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddConsole(console => console.FormatterName = BoundedConsoleFormatter.FormatterName)
            .AddConsoleFormatter<BoundedConsoleFormatter, ConsoleFormatterOptions>();
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService($"platform-{serviceName}"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddGrpcClientInstrumentation();
                if (otlp) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            });
        return builder;
    }

    /// <param name="traceIdHeader">Services answer with their trace id; the gateway passes theirs on.</param>
    public static WebApplication MapPlatformTelemetry(this WebApplication app, bool traceIdHeader = true)
    {
        if (traceIdHeader)
            app.Use((context, next) =>
            {
                if (System.Diagnostics.Activity.Current is { } activity)
                    context.Response.Headers[TraceIdHeader] = activity.TraceId.ToString();
                return next(context);
            });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics");
}
