using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway;

/// <summary>
/// Passive health policy <c>ServiceFailureRate</c>: YARP's <c>TransportFailureRate</c>, except that a call
/// whose failure is its own (an oversized answer, a stream the service reset because it refused the
/// request) is not held against the service, so one caller cannot get a healthy service marked down.
/// </summary>
public sealed class ServiceFailureRatePolicy(IServiceProvider services) : IPassiveHealthCheckPolicy
{
    // Resolved on first use: the list of policies includes this one.
    private readonly Lazy<IPassiveHealthCheckPolicy> _transportFailureRate = new(() =>
        services.GetServices<IPassiveHealthCheckPolicy>().Single(p => p.Name == HealthCheckConstants.PassivePolicy.TransportFailureRate));

    public string Name => "ServiceFailureRate";

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        var error = context.GetForwarderErrorFeature();
        if (error is not null && !UpstreamFailures.CountsAgainstService(error, answered: context.Response.HasStarted)) return;
        _transportFailureRate.Value.RequestProxied(context, cluster, destination);
    }
}
