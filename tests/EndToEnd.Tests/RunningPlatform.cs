using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.ServiceDefaults.Security;
using Platform.Launcher;

namespace EndToEnd.Tests;

/// <summary>
/// The real system as the launcher starts it: four processes on free ports, SQLite files in a temporary
/// data directory. Tests talk to it only through the gateway.
/// </summary>
public sealed class RunningPlatform : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();

    public PlatformSystem System { get; private set; } = null!;
    public string DataDirectory { get; }
    /// <summary>REST as the demo ente's admin.</summary>
    public HttpClient Rest { get; private set; } = null!;
    /// <summary>gRPC as the demo ente's admin.</summary>
    public GrpcChannel Grpc { get; private set; } = null!;
    /// <summary>REST without a token (a citizen).</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Everything the processes printed, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    private RunningPlatform(string dataDirectory) => DataDirectory = dataDirectory;

    public static async Task<RunningPlatform> StartAsync(string? dataDirectory = null,
        IReadOnlyDictionary<string, int>? replicas = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var platform = new RunningPlatform(dataDirectory ?? Directory.CreateTempSubdirectory("platform-e2e-").FullName);
        var options = new LaunchOptions
        {
            RepoRoot = LaunchOptions.FindRepoRoot(AppContext.BaseDirectory),
            DataDirectory = platform.DataDirectory,
            RestPort = PlatformSystem.FreePort(),
            GrpcPort = PlatformSystem.FreePort(),
            Replicas = replicas ?? new Dictionary<string, int>(),
            Environment = new Dictionary<string, string>(environment ?? new Dictionary<string, string>())
            {
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        platform.System = await PlatformSystem.StartAsync(options, (name, line) => platform._log.Enqueue($"[{name}] {line}"), timeout.Token);
        platform.Rest = platform.RestAs("demo", "e2e-admin", Roles.Admin);
        platform.Grpc = platform.GrpcAs("demo", "e2e-admin", Roles.Admin);
        platform.Anonymous = platform.RestWithToken(null);
        return platform;
    }

    public string Token(string tenant, string subject, params string[] roles) => System.Token(tenant, subject, roles);

    public HttpClient RestAs(string tenant, string subject, params string[] roles) => RestWithToken(Token(tenant, subject, roles));

    public HttpClient RestWithToken(string? token)
    {
        var client = new HttpClient { BaseAddress = System.RestAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public GrpcChannel GrpcAs(string tenant, string subject, params string[] roles) => GrpcWithToken(Token(tenant, subject, roles));

    public GrpcChannel GrpcWithToken(string? token) => GrpcChannel.ForAddress(System.GrpcAddress, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
        {
            if (token is not null) metadata.Add("authorization", $"Bearer {token}");
            return Task.CompletedTask;
        })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });

    public async ValueTask DisposeAsync()
    {
        Rest?.Dispose();
        Anonymous?.Dispose();
        Grpc?.Dispose();
        if (System is not null) await System.DisposeAsync();
    }
}

/// <summary>One running system shared by the tests of a class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public RunningPlatform Platform { get; private set; } = null!;

    public async Task InitializeAsync() => Platform = await RunningPlatform.StartAsync();

    public async Task DisposeAsync()
    {
        if (Platform is null) return;
        await Platform.DisposeAsync();
        Directory.Delete(Platform.DataDirectory, recursive: true);
    }
}
