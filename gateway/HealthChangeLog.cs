using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// One log line each time a replica becomes usable or unusable (active probe or passive failures), in place
/// of the proxy's warning with a stack trace on every failed probe.
/// </summary>
public sealed class HealthChangeLog(IDestinationHealthUpdater inner, ILogger<HealthChangeLog> logger) : IDestinationHealthUpdater
{
    public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates)
    {
        var states = newHealthStates.ToList();
        var before = states.ToDictionary(s => s.Destination, s => GatewayHealth.IsUsable(s.Destination));
        inner.SetActive(cluster, states);
        foreach (var state in states) Report(cluster, state.Destination, before[state.Destination], "health probe");
    }

    public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod)
    {
        var before = GatewayHealth.IsUsable(destination);
        inner.SetPassive(cluster, destination, newHealth, reactivationPeriod);
        Report(cluster, destination, before, "failed calls");
    }

    private void Report(ClusterState cluster, DestinationState destination, bool wasUsable, string cause)
    {
        var usable = GatewayHealth.IsUsable(destination);
        if (usable == wasUsable) return;
        var healthy = cluster.Destinations.Values.Count(GatewayHealth.IsUsable);
        if (usable)
            logger.LogInformation("{Cluster} replica {Destination} ({Address}) is back; {Healthy} of {Replicas} usable",
                cluster.ClusterId, destination.DestinationId, destination.Model.Config.Address, healthy, cluster.Destinations.Count);
        else
            logger.LogWarning("{Cluster} replica {Destination} ({Address}) is down ({Cause}); {Healthy} of {Replicas} usable",
                cluster.ClusterId, destination.DestinationId, destination.Model.Config.Address, cause, healthy, cluster.Destinations.Count);
    }

    /// <summary>Wraps the proxy's own health updater.</summary>
    public static IServiceCollection Decorate(IServiceCollection services)
    {
        var original = services.Single(s => s.ServiceType == typeof(IDestinationHealthUpdater));
        services.Remove(original);
        services.AddSingleton<IDestinationHealthUpdater>(provider => new HealthChangeLog(
            (IDestinationHealthUpdater)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!),
            provider.GetRequiredService<ILogger<HealthChangeLog>>()));
        return services;
    }
}
