using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary><c>/healthz</c>: the gateway itself, and for each cluster how many replicas are usable.</summary>
public static class GatewayHealth
{
    public static IResult ReportAsync(IProxyStateLookup proxyState)
    {
        var clusters = proxyState.GetClusters()
            .OrderBy(c => c.ClusterId)
            .ToDictionary(c => c.ClusterId, c =>
            {
                var destinations = c.Destinations.Values.ToList();
                var healthy = destinations.Count(d => d.Health.Active != DestinationHealth.Unhealthy
                                                      && d.Health.Passive != DestinationHealth.Unhealthy);
                return new ClusterHealth(healthy > 0 ? "Healthy" : "Unhealthy", healthy, destinations.Count);
            });
        var status = clusters.Values.All(c => c.Status == "Healthy") ? "Healthy" : "Degraded";
        return Results.Json(new { status, gateway = "Healthy", clusters });
    }

    public sealed record ClusterHealth(string Status, int HealthyReplicas, int Replicas);
}
