using System.Collections.Concurrent;
using Grpc.Net.Client;
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
    public HttpClient Rest { get; private set; } = null!;
    public GrpcChannel Grpc { get; private set; } = null!;

    /// <summary>Everything the processes printed, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    private RunningPlatform(string dataDirectory) => DataDirectory = dataDirectory;

    public static async Task<RunningPlatform> StartAsync(string? dataDirectory = null)
    {
        var platform = new RunningPlatform(dataDirectory ?? Directory.CreateTempSubdirectory("platform-e2e-").FullName);
        var options = new LaunchOptions
        {
            RepoRoot = LaunchOptions.FindRepoRoot(AppContext.BaseDirectory),
            DataDirectory = platform.DataDirectory,
            RestPort = PlatformSystem.FreePort(),
            GrpcPort = PlatformSystem.FreePort(),
            Environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        platform.System = await PlatformSystem.StartAsync(options, (name, line) => platform._log.Enqueue($"[{name}] {line}"), timeout.Token);
        platform.Rest = new HttpClient { BaseAddress = platform.System.RestAddress };
        platform.Grpc = GrpcChannel.ForAddress(platform.System.GrpcAddress);
        return platform;
    }

    public async ValueTask DisposeAsync()
    {
        Rest?.Dispose();
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
        await Platform.DisposeAsync();
        Directory.Delete(Platform.DataDirectory, recursive: true);
    }
}
