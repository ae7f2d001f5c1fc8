using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// <c>/healthz</c>: the gateway itself, and for each cluster how many replicas are usable: <c>Healthy</c> when
/// all are, <c>Degraded</c> when some are, <c>Unhealthy</c> when none is. The overall status is the worst.
/// </summary>
public static class GatewayHealth
{
    private static readonly string[] Severity = ["Healthy", "Degraded", "Unhealthy"];

    public static IResult ReportAsync(IProxyStateLookup proxyState)
    {
        var clusters = proxyState.GetClusters()
            .OrderBy(c => c.ClusterId)
            .ToDictionary(c => c.ClusterId, c =>
            {
                var destinations = c.Destinations.Values.ToList();
                var healthy = destinations.Count(IsUsable);
                var status = healthy == destinations.Count ? "Healthy" : healthy > 0 ? "Degraded" : "Unhealthy";
                return new ClusterHealth(status, healthy, destinations.Count);
            });
        var overall = clusters.Values.Select(c => c.Status).MaxBy(s => Array.IndexOf(Severity, s)) ?? "Healthy";
        return Results.Json(new { status = overall, gateway = "Healthy", clusters });
    }

    public static bool IsUsable(DestinationState destination) =>
        destination.Health.Active != DestinationHealth.Unhealthy && destination.Health.Passive != DestinationHealth.Unhealthy;

    public sealed record ClusterHealth(string Status, int HealthyReplicas, int Replicas);
}
