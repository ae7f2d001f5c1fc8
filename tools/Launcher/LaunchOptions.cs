namespace Platform.Launcher;

/// <summary>How to start the system: ports, data directory and where the built programs are.</summary>
public sealed record LaunchOptions
{
    /// <summary>Folder holding <c>Platform.sln</c>.</summary>
    public required string RepoRoot { get; init; }

    /// <summary>Each service keeps its SQLite file here.</summary>
    public required string DataDirectory { get; init; }

    public int RestPort { get; init; } = 8080;
    public int GrpcPort { get; init; } = 8081;

    /// <summary>Port of the web application (HTTP/1.1), a client of the gateway's REST API; null: not started.</summary>
    public int? WebPort { get; init; }

    /// <summary>Processes per service (default 1); the gateway balances over them.</summary>
    public IReadOnlyDictionary<string, int> Replicas { get; init; } = new Dictionary<string, int>();

    /// <summary>Build configuration whose outputs are started.</summary>
    public string Configuration { get; init; } = BuildConfiguration;

    /// <summary>Extra environment for every child process (e.g. log levels in tests).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif

    /// <summary>Walks up from <paramref name="start"/> to the folder that holds <c>Platform.sln</c>.</summary>
    public static string FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Platform.sln above {start}");
    }
}
