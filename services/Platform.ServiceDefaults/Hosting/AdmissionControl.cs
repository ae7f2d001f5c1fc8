using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults;

/// <summary>Section <c>Platform:Admission</c>: how much work a process takes on at once.</summary>
public sealed class AdmissionOptions
{
    /// <summary>
    /// Requests served at once; 0: two per processor. A service's work is CPU-bound (its SQLite calls run on
    /// the request's thread), so more calls in flight than the cores can run only share them: each call's
    /// latency grows with their number and the throughput does not.
    /// </summary>
    public int MaxInFlight { get; set; }

    /// <summary>How long a request may wait for a free slot before it is turned away (a burst).</summary>
    public int MaxWaitMilliseconds { get; set; } = 3000;

    /// <summary>
    /// A queue whose oldest waiter has waited longer than this without a break stands (it does not drain).
    /// Above what a closed loop of callers waits for its turn: 16 writers queued on one SQLite writer wait ~10 ms.
    /// </summary>
    public int TargetWaitMilliseconds { get; set; } = 50;

    /// <summary>Once the queue has stood this long, a freed slot goes to the newest waiter.</summary>
    public int LastInFirstOutAfterMilliseconds { get; set; } = 100;

    /// <summary>
    /// The wait of a request that comes to a queue that has stood for <see cref="StandingQueueMilliseconds"/>:
    /// the arrivals outpace the service, so waiting longer would only add latency.
    /// </summary>
    public int OverloadWaitMilliseconds { get; set; } = 100;

    public int StandingQueueMilliseconds { get; set; } = 100;

    /// <summary>Requests waiting at once; 0: 64 times <see cref="InFlight"/> (a page or a client may send dozens at once). Bounds the memory of a queue.</summary>
    public int MaxWaiting { get; set; }

    /// <summary>Told to a turned-away caller (<c>Retry-After</c>).</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public int InFlight => MaxInFlight > 0 ? MaxInFlight : 2 * Environment.ProcessorCount;
    public int Waiting => MaxWaiting > 0 ? MaxWaiting : 64 * InFlight;
}

/// <summary>
/// Admission control: a bounded number of API requests in flight and a bounded, controlled queue for them
/// (<see cref="AdmissionQueue"/>); a request turned away gets an immediate answer (<c>RESOURCE_EXHAUSTED</c>
/// for gRPC, 503 for REST, both with <c>Retry-After</c>) instead of a queue that grows until every caller's
/// deadline has passed and memory with it. Health, liveness and metrics are never turned away.
/// </summary>
public sealed class AdmissionControl(RequestDelegate next, AdmissionOptions options, ILogger<AdmissionControl> logger)
{
    public const string Reason = "OVERLOADED";

    private readonly AdmissionQueue _queue = new(options, TimeProvider.System);
    private long _shed;
    private long _lastReport;

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsExempt(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (!await _queue.EnterAsync(context.RequestAborted))
        {
            if (!context.RequestAborted.IsCancellationRequested) await ShedAsync(context);
            return;
        }
        try
        {
            await next(context);
        }
        finally
        {
            _queue.Exit();
        }
    }

    private async Task ShedAsync(HttpContext context)
    {
        var shed = Interlocked.Increment(ref _shed);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastReport);
        if (now - last > 10_000 && Interlocked.CompareExchange(ref _lastReport, now, last) == last)
            logger.LogWarning("Overloaded: {Shed} requests turned away so far ({InFlight} in flight at most)", shed, options.InFlight);

        var retryAfter = options.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = $"The service is busy; retry after {retryAfter} s";
        var info = new ErrorInfo { Reason = Reason, Domain = ApiErrors.Domain, Metadata = { ["retry_after_seconds"] = retryAfter } };
        var status = new Google.Rpc.Status { Code = (int)StatusCode.ResourceExhausted, Message = message, Details = { Any.Pack(info) } };
        var response = context.Response;
        response.Headers.RetryAfter = retryAfter;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // A 200 with trailers: UnreadBodyDrain, which drains before REST errors, does not see it as one.
            await Api.UnreadBodyDrain.DrainAsync(context);
            // Trailers-only gRPC answer.
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["grpc-message"] = Uri.EscapeDataString(message);
            response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
            return;
        }
        await StatusJson.WriteAsync(response, status, StatusCodes.Status503ServiceUnavailable);
    }

    private static bool IsExempt(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/alive") || path.StartsWithSegments("/metrics")
        || path.StartsWithSegments("/grpc.health.v1.Health");
}

public static class AdmissionControlExtensions
{
    /// <summary>Admission control for everything mapped after it, configured from <c>Platform:Admission</c>.</summary>
    public static WebApplication UseAdmissionControl(this WebApplication app)
    {
        var options = app.Configuration.GetSection("Platform:Admission").Get<AdmissionOptions>() ?? new AdmissionOptions();
        app.UseMiddleware<AdmissionControl>(options);
        return app;
    }
}
