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
/// (recorded and exported over OTLP only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set), and Prometheus metrics at
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
        // HttpClientFactory writes four Information lines for every call to another service; failures still
        // show (Warning and up). A more specific category in configuration (System.Net.Http.HttpClient.objectives)
        // brings them back.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        // Spans only where they go somewhere: with no OTLP endpoint every call would still pay for its spans
        // (an activity per incoming and outgoing call, their tags, the instrumentation callbacks) recorded for
        // nobody. The trace context flows all the same: ASP.NET Core starts an activity for each request, whose
        // trace id the logs and x-trace-id carry and outgoing calls pass on in traceparent.
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService($"platform-{serviceName}"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            });
        if (otlp)
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddGrpcClientInstrumentation()
                .AddOtlpExporter());
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
