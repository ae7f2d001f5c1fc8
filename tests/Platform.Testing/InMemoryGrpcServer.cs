using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>One gRPC service implementation in memory, such as a fake of a service the host under test calls.</summary>
public sealed class InMemoryGrpcServer<TService> : IDisposable where TService : class
{
    private readonly WebApplication _app;

    public InMemoryGrpcServer(Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        services?.Invoke(builder.Services);
        _app = builder.Build();
        _app.MapGrpcService<TService>();
        _app.Start();
    }

    public HttpMessageHandler CreateHandler() => _app.GetTestServer().CreateHandler();

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }
}
