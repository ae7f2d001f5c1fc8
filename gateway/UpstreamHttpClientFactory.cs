using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway;

/// <summary>
/// The connections to the services. HTTP/2 multiplexes many callers' calls on one connection and HPACK
/// state is per connection, so a response whose headers or trailers pass the client's limit tears the
/// whole connection down, failing every other call on it. The limit is raised far above any answer a
/// service means to give (<see cref="GatewayOptions.MaxUpstreamHeadersKilobytes"/>); what passes through is
/// shrunk for the caller by <see cref="OversizedGrpcStatus"/>.
/// </summary>
public sealed class UpstreamHttpClientFactory(GatewayOptions options) : ForwarderHttpClientFactory
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, System.Net.Http.SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        handler.MaxResponseHeadersLength = options.MaxUpstreamHeadersKilobytes;
    }
}
