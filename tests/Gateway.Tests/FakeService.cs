using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests;

/// <summary>
/// A stand-in for a service behind the gateway: an h2c server that answers <c>/healthz</c> and hands every
/// other request to the test's handler, so a test can make a service misbehave in ways real ones do not.
/// </summary>
public sealed class FakeService : IAsyncDisposable
{
    private readonly WebApplication _app;

    public Uri Address { get; }

    private FakeService(WebApplication app, Uri address) => (_app, Address) = (app, address);

    public static async Task<FakeService> StartAsync(RequestDelegate handler)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, l => l.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapGet("/healthz", () => "Healthy");
        app.Run(handler);
        await app.StartAsync();
        return new FakeService(app, new Uri($"http://localhost:{port}"));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
