using Grpc.Core;
using Grpc.Net.Client;

namespace Platform.Launcher;

/// <summary>A gRPC channel to the gateway that sends a bearer token with every call (plain h2c on this machine).</summary>
public static class GatewayChannel
{
    public static GrpcChannel Create(Uri address, string token) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
            CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("authorization", $"Bearer {token}"); return Task.CompletedTask; })),
        UnsafeUseInsecureChannelCallCredentials = true,
        // A whole DUP rendered as PDF is a few megabytes, above gRPC's 4 MB default.
        MaxReceiveMessageSize = 256 * 1024 * 1024,
    });
}
