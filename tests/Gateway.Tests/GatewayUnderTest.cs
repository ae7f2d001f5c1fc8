using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Platform.Gateway;

namespace Gateway.Tests;

/// <summary>
/// The real gateway, configured from its own appsettings.json, in this process on free ports, with every
/// cluster pointed at the given services. Gives gRPC-shaped (h2c) and REST clients, each on its own
/// connection as separate callers would be, and what the gateway logged.
/// </summary>
public sealed class GatewayUnderTest : IAsyncDisposable
{
    private static readonly string[] Clusters = ["objectives", "indicators", "finance", "documents"];
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _log;

    public Uri RestAddress { get; }
    public Uri GrpcAddress { get; }
    public IReadOnlyCollection<(LogLevel Level, string Category, string Message)> Log => _log;
    public IServiceProvider Services => _app.Services;

    private GatewayUnderTest(WebApplication app, Uri rest, Uri grpc, ConcurrentQueue<(LogLevel, string, string)> log) =>
        (_app, RestAddress, GrpcAddress, _log) = (app, rest, grpc, log);

    /// <param name="replicas">Addresses of each cluster's replicas; every cluster gets them all.</param>
    public static async Task<GatewayUnderTest> StartAsync(params Uri[] replicas)
    {
        var (restPort, grpcPort) = (FakeService.FreePort(), FakeService.FreePort());
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:RestPort"] = restPort.ToString(),
            ["Gateway:GrpcPort"] = grpcPort.ToString(),
            ["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]),
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var cluster in Clusters)
        {
            for (var i = 0; i < replicas.Length; i++)
                settings[$"ReverseProxy:Clusters:{cluster}:Destinations:d{i + 1}:Address"] = replicas[i].ToString();
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(RepoFiles.Path("gateway/appsettings.json")).AddInMemoryCollection(settings);
        var log = new ConcurrentQueue<(LogLevel, string, string)>();
        builder.Logging.ClearProviders().AddProvider(new RecordingLoggerProvider(log));
        builder.AddGateway();
        var app = builder.Build();
        app.MapGateway();
        await app.StartAsync();
        return new GatewayUnderTest(app, new Uri($"http://localhost:{restPort}"), new Uri($"http://localhost:{grpcPort}"), log);
    }

    /// <summary>A caller with its own HTTP/2 connection to the gateway's gRPC port.</summary>
    public HttpClient GrpcCaller() => new(new SocketsHttpHandler { MaxResponseHeadersLength = 64 })
    {
        BaseAddress = GrpcAddress,
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    public HttpClient RestCaller() => new() { BaseAddress = RestAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class RecordingLoggerProvider(ConcurrentQueue<(LogLevel, string, string)> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, log);
        public void Dispose() { }

        private sealed class Recorder(string category, ConcurrentQueue<(LogLevel, string, string)> log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                log.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? "" : "\n" + exception)));
        }
    }
}
