using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Platform.Launcher;

/// <summary>
/// The whole system as local processes: the three services on free loopback ports, each with its own SQLite
/// file, and the gateway in front of them. Started in dependency order; every child stops with it.
/// </summary>
public sealed class PlatformSystem : IAsyncDisposable
{
    /// <summary>Service name, project folder and assembly name of each backend.</summary>
    public static readonly IReadOnlyList<(string Name, string Project)> Services =
    [
        ("objectives", "services/Objectives/Platform.Objectives"),
        ("indicators", "services/Indicators/Platform.Indicators"),
        ("finance", "services/Finance/Platform.Finance"),
    ];

    private readonly List<ChildProcess> _children = [];

    public LaunchOptions Options { get; }
    public Uri RestAddress => new($"http://localhost:{Options.RestPort}");
    public Uri GrpcAddress => new($"http://localhost:{Options.GrpcPort}");
    public IReadOnlyList<ChildProcess> Children => _children;

    private PlatformSystem(LaunchOptions options) => Options = options;

    public ChildProcess Child(string name) => _children.Single(c => c.Name == name);

    /// <summary>Starts everything and returns once the services and the gateway answer their health checks.</summary>
    public static async Task<PlatformSystem> StartAsync(LaunchOptions options, Action<string, string> output,
        CancellationToken cancellationToken)
    {
        var system = new PlatformSystem(options);
        try
        {
            await system.StartChildrenAsync(output, cancellationToken);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private async Task StartChildrenAsync(Action<string, string> output, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Options.DataDirectory);
        var common = new Dictionary<string, string>(Options.Environment)
        {
            ["PLATFORM_DATA_DIR"] = Path.GetFullPath(Options.DataDirectory),
            ["PLATFORM_PARENT_PID"] = Environment.ProcessId.ToString(),
        };

        var gatewayEnvironment = new Dictionary<string, string>(common)
        {
            ["Gateway__RestPort"] = Options.RestPort.ToString(),
            ["Gateway__GrpcPort"] = Options.GrpcPort.ToString(),
        };
        var addresses = Services.ToDictionary(s => s.Name, _ => new Uri($"http://127.0.0.1:{FreePort()}"));
        foreach (var (name, address) in addresses)
        {
            // Every service knows where the others are (Indicators and Finance call Objectives).
            common[$"Services__{name}"] = address.ToString();
            gatewayEnvironment[$"ReverseProxy__Clusters__{name}__Destinations__d1__Address"] = address.ToString();
        }
        foreach (var (name, project) in Services)
        {
            var environment = new Dictionary<string, string>(common) { ["ASPNETCORE_URLS"] = addresses[name].ToString() };
            _children.Add(ChildProcess.Start(name, addresses[name], AssemblyPath(project), environment, output));
        }
        foreach (var child in _children)
            await WaitHealthyAsync(child, new Uri(child.Address, "/healthz"), http2: true, cancellationToken);

        var gateway = ChildProcess.Start("gateway", RestAddress, AssemblyPath("gateway/Platform.Gateway"),
            gatewayEnvironment, output);
        _children.Add(gateway);
        await WaitHealthyAsync(gateway, new Uri(RestAddress, "/healthz"), http2: false, cancellationToken);
    }

    private string AssemblyPath(string project) =>
        Path.Combine(Options.RepoRoot, Path.GetDirectoryName(project)!, "bin", Options.Configuration, "net10.0",
            Path.GetFileName(project) + ".dll");

    private static async Task WaitHealthyAsync(ChildProcess child, Uri url, bool http2, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        if (http2)
        {
            client.DefaultRequestVersion = HttpVersion.Version20;
            client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (child.HasExited) throw new InvalidOperationException($"{child.Name} exited during start-up (see its log above)");
            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode && IsHealthy(await response.Content.ReadAsStringAsync(cancellationToken)))
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"{child.Name} did not become healthy at {url}");
    }

    /// <summary>Services answer "Healthy"; the gateway answers JSON whose status is "Healthy".</summary>
    private static bool IsHealthy(string body)
    {
        if (body == "Healthy") return true;
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("status").GetString() == "Healthy";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A port that is free now on loopback (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the gateway first, then the services, each gracefully with a short grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        for (var i = _children.Count - 1; i >= 0; i--)
            await _children[i].DisposeAsync();
        _children.Clear();
    }
}
