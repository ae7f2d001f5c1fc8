using System.Collections.Concurrent;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>
/// One service in memory with its own temporary SQLite file. gRPC goes through <c>Server.CreateHandler()</c>,
/// REST through <c>CreateClient()</c>; both can act for a given tenant. Error-level logs are collected so
/// tests can fail on them.
/// </summary>
public class ServiceFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-test-").FullName;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly List<Action<IWebHostBuilder>> _customizations = [];

    public const string TenantHeader = "x-platform-tenant";
    public const string UserHeader = "x-platform-user";

    /// <summary>Error-level log lines written by the service so far.</summary>
    public IReadOnlyCollection<string> ErrorLogs => _errors;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("PLATFORM_DATA_DIR", _dataDirectory);
        builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCollector(_errors)));
        foreach (var customize in _customizations) customize(builder);
    }

    /// <summary>
    /// Sends this service's calls to another Platform service (<c>Services:{service}</c>) to an in-memory
    /// host instead, e.g. the Objectives service of the same test. Call before the first request.
    /// </summary>
    public ServiceFactory<TEntryPoint> WithUpstream<TClient>(string service, Func<HttpMessageHandler> handler)
        where TClient : Grpc.Core.ClientBase
    {
        _customizations.Add(builder =>
        {
            builder.UseSetting($"Services:{service}", "http://localhost");
            builder.ConfigureServices(services =>
                services.AddGrpcClient<TClient>().ConfigurePrimaryHttpMessageHandler(handler));
        });
        return this;
    }

    /// <summary>Adds a configuration value or a service override. Call before the first request.</summary>
    public ServiceFactory<TEntryPoint> With(Action<IWebHostBuilder> customize)
    {
        _customizations.Add(customize);
        return this;
    }

    public GrpcChannel CreateGrpcChannel(string tenant = "demo", string user = "tester") =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new IdentityHeaders(tenant, user) { InnerHandler = Server.CreateHandler() },
        });

    public HttpClient CreateRestClient(string tenant = "demo", string user = "tester")
    {
        var client = CreateDefaultClient(new IdentityHeaders(tenant, user));
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the OS temp cleaner takes it.
        }
    }

    private sealed class IdentityHeaders(string tenant, string user) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(TenantHeader, tenant);
            request.Headers.TryAddWithoutValidation(UserHeader, user);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) errors.Enqueue($"{formatter(state, exception)} {exception}");
        }

        public void Dispose()
        {
        }
    }
}
