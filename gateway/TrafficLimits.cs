using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;
using Microsoft.AspNetCore.RateLimiting;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway;

/// <summary>Rate limits per token subject (or client address for anonymous callers), section <c>RateLimiting</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests allowed per window and caller.</summary>
    public int PermitLimit { get; set; } = 6000;
    public int WindowSeconds { get; set; } = 60;
}

public static class TrafficLimits
{
    public const string CorsPolicy = "platform-cors";

    public static IServiceCollection AddTrafficLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimiting").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/healthz")
                    ? RateLimitPartition.GetNoLimiter("health")
                    : RateLimitPartition.GetFixedWindowLimiter(CallerKey(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PermitLimit,
                        Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                        QueueLimit = 0,
                    }));
            options.OnRejected = async (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : limits.WindowSeconds;
                // gRPC clients read a bare 429 as UNAVAILABLE and retry; they get RESOURCE_EXHAUSTED instead.
                await GatewayResponses.WriteAsync(rejected.HttpContext, StatusCode.ResourceExhausted, "RATE_LIMITED",
                    $"Too many requests; retry after {retryAfter} s",
                    new Dictionary<string, string> { ["retry_after_seconds"] = retryAfter.ToString(CultureInfo.InvariantCulture) },
                    new Dictionary<string, string> { ["Retry-After"] = retryAfter.ToString(CultureInfo.InvariantCulture) });
            };
        });

        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Length == 0) return;
            policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("grpc-status", "grpc-message", "grpc-status-details-bin", "Retry-After");
        }));
        return services;
    }

    /// <summary>The token's subject when there is a valid token, else the client's address.</summary>
    private static string CallerKey(HttpContext context)
    {
        var subject = context.User.FindFirst(PlatformTokens.SubjectClaim)?.Value;
        var tenant = context.User.FindFirst(PlatformTokens.TenantClaim)?.Value;
        return subject is not null
            ? $"sub:{tenant}/{subject}"
            : $"ip:{context.Connection.RemoteIpAddress}";
    }
}
