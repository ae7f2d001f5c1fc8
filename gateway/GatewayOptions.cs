namespace Platform.Gateway;

/// <summary>Where the gateway listens (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>HTTP/1.1 port for REST/JSON and the API docs.</summary>
    public int RestPort { get; set; } = 8080;

    /// <summary>Cleartext HTTP/2 (h2c) port for gRPC.</summary>
    public int GrpcPort { get; set; } = 8081;

    /// <summary>Listen on every interface (containers) instead of loopback only.</summary>
    public bool ListenOnAllInterfaces { get; set; }

    /// <summary>Largest request body accepted (413 beyond it).</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Headers and trailers a service's answer may carry, in KB, before the gateway cannot read it. HTTP/2
    /// drops the whole shared connection past this limit, so it sits far above any real answer.
    /// </summary>
    public int MaxUpstreamHeadersKilobytes { get; set; } = 8 * 1024;

    /// <summary>gRPC status message and details forwarded to a caller, in bytes; a larger status is cut.</summary>
    public int MaxForwardedStatusBytes { get; set; } = 16 * 1024;
}
