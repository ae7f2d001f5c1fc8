using System.Collections.Concurrent;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Security;

namespace Platform.Testing;

/// <summary>
/// One service in memory with its own temporary SQLite file and its own token signing key. gRPC goes through
/// <c>Server.CreateHandler()</c>, REST through <c>CreateClient()</c>; both carry a bearer token for the tenant,
/// user and roles asked for (admin by default). Error-level logs are collected so tests can fail on them.
/// </summary>
public class ServiceFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-test-").FullName;
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly List<Action<IWebHostBuilder>> _customizations = [];
    private readonly List<IDisposable> _fakes = [];

    /// <summary>The key this host validates tokens with; <see cref="Token"/> signs with it.</summary>
    public string SigningKey { get; } = PlatformTokens.NewKey();

    private readonly ConcurrentDictionary<string, byte> _statements = new();
    private int _observing;

    /// <summary>
    /// Problems seen so far: error-level log lines, SQL statements the service ran that SQL Server would not
    /// parse (every statement is checked with ScriptDom, whatever database the test runs on), and statements on
    /// a tenant table without their tenant predicate (<see cref="TenantScopeGuard"/>).
    /// </summary>
    public IReadOnlyCollection<string> Problems =>
        _errors.Concat(_statements.Keys
                .Where(sql => !SqlServerSyntax.IsSqliteHousekeeping(sql))
                .Select(sql => (sql, tsql: SqlServerSyntax.FromSqlite(sql)))
                .SelectMany(r => new[]
                {
                    SqlServerSyntax.Check(r.tsql) is { } errors ? $"Not valid T-SQL ({errors}): {r.sql}" : null,
                    TenantScopeGuard.Check(r.tsql) is { } unscoped ? $"Not scoped by tenant ({unscoped}): {r.sql}" : null,
                })
                .OfType<string>())
            .ToList();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("PLATFORM_DATA_DIR", _dataDirectory);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        if (Environment.GetEnvironmentVariable("PLATFORM_TEST_SQLSERVER") is { Length: > 0 } sqlServer)
        {
            // The whole data layer on a real SQL Server: one fresh database per host, created on start.
            var connection = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(sqlServer)
            {
                InitialCatalog = $"platform_test_{Guid.NewGuid():N}",
            }.ConnectionString;
            builder.UseSetting("Database:Provider", "SqlServer");
            foreach (var service in new[] { "objectives", "indicators", "finance" })
                builder.UseSetting($"ConnectionStrings:{service}", connection);
        }
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

    /// <summary>
    /// Sends this service's calls to <paramref name="service"/> to an in-memory <typeparamref name="TFake"/>,
    /// which lives as long as this host. Call before the first request.
    /// </summary>
    public ServiceFactory<TEntryPoint> WithFakeUpstream<TClient, TFake>(string service, Action<IServiceCollection>? services = null)
        where TClient : Grpc.Core.ClientBase where TFake : class
    {
        var fake = new InMemoryGrpcServer<TFake>(services);
        _fakes.Add(fake);
        return WithUpstream<TClient>(service, fake.CreateHandler);
    }

    /// <summary>Adds a configuration value or a service override. Call before the first request.</summary>
    public ServiceFactory<TEntryPoint> With(Action<IWebHostBuilder> customize)
    {
        _customizations.Add(customize);
        return this;
    }

    /// <summary>A valid token of this host for <paramref name="tenant"/>; admin when no role is given.</summary>
    public string Token(string tenant = "demo", string user = "tester", params string[] roles) =>
        PlatformTokens.Create(SigningKey, user, tenant, roles.Length == 0 ? [Roles.Admin] : roles, TimeSpan.FromHours(1));

    public GrpcChannel CreateGrpcChannel(string tenant = "demo", string user = "tester", params string[] roles) =>
        CreateGrpcChannelWithToken(Token(tenant, user, roles));

    public HttpClient CreateRestClient(string tenant = "demo", string user = "tester", params string[] roles) =>
        CreateRestClientWithToken(Token(tenant, user, roles));

    /// <summary>A channel that sends <paramref name="token"/> as is (null: anonymous).</summary>
    public GrpcChannel CreateGrpcChannelWithToken(string? token)
    {
        ObserveStatements();
        return GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new Bearer(token) { InnerHandler = Server.CreateHandler() },
        });
    }

    public HttpClient CreateRestClientWithToken(string? token)
    {
        ObserveStatements();
        return CreateDefaultClient(new Bearer(token));
    }

    private void ObserveStatements()
    {
        if (Interlocked.Exchange(ref _observing, 1) == 0)
            Services.GetService<Database>()?.ObserveCommands(sql => _statements.TryAdd(sql, 0));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var fake in _fakes) fake.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may still be closing; the OS temp cleaner takes it.
        }
    }

    private sealed class Bearer(string? token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
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
