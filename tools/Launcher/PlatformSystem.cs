using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Platform.ServiceDefaults.Security;

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
        ("documents", "services/Documents/Platform.Documents"),
    ];

    private readonly List<ChildProcess> _children = [];

    public LaunchOptions Options { get; }

    /// <summary>The local token signing key (kept in the data directory), shared by every process.</summary>
    public string SigningKey { get; private set; } = "";
    public Uri RestAddress => new($"http://localhost:{Options.RestPort}");
    public Uri GrpcAddress => new($"http://localhost:{Options.GrpcPort}");
    public Uri? WebAddress => Options.WebPort is { } port ? new($"http://localhost:{port}") : null;
    /// <summary>The web app's one-time sign-in link for the demo ente's admin, through the gateway; null without the web app.</summary>
    public Uri? SignInLink { get; private set; }
    public IReadOnlyList<ChildProcess> Children => _children;

    private PlatformSystem(LaunchOptions options) => Options = options;

    public ChildProcess Child(string name) => _children.Single(c => c.Name == name);

    /// <summary>A token of this system's key for the given ente, subject and roles.</summary>
    public string Token(string tenant, string subject, IEnumerable<string> roles, TimeSpan? lifetime = null) =>
        PlatformTokens.Create(SigningKey, subject, tenant, roles, lifetime ?? TimeSpan.FromHours(8));

    /// <summary>Starts everything and returns once the services and the gateway answer their health checks.</summary>
    public static async Task<PlatformSystem> StartAsync(LaunchOptions options, Action<string, string> output,
        CancellationToken cancellationToken)
    {
        var system = new PlatformSystem(options);
        try
        {
            EnsurePortFree(options.RestPort, "REST", "--rest-port");
            EnsurePortFree(options.GrpcPort, "gRPC", "--grpc-port");
            await system.StartChildrenAsync(output, cancellationToken);
            foreach (var child in system._children) child.Supervise();
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
        SigningKey = PlatformTokens.EnsureKeyFile(Options.DataDirectory);
        var common = new Dictionary<string, string>(Options.Environment)
        {
            ["PLATFORM_DATA_DIR"] = Path.GetFullPath(Options.DataDirectory),
            ["PLATFORM_PARENT_PID"] = Environment.ProcessId.ToString(),
            // Citizens who name no ente read the demo ente's published plans.
            ["Platform__DefaultTenant"] = "demo",
        };

        var gatewayEnvironment = new Dictionary<string, string>(common)
        {
            ["Gateway__RestPort"] = Options.RestPort.ToString(),
            ["Gateway__GrpcPort"] = Options.GrpcPort.ToString(),
        };
        // Every replica of every service gets its own loopback port; the gateway balances over them.
        var replicas = Services.ToDictionary(s => s.Name, s => Enumerable.Range(1, Options.Replicas.GetValueOrDefault(s.Name, 1))
            .Select(_ => new Uri($"http://127.0.0.1:{FreePort()}")).ToList());
        foreach (var (name, addresses) in replicas)
        {
            // Services call each other directly (Indicators and Finance call Objectives), over all its replicas.
            common[$"Services__{name}"] = string.Join(",", addresses);
            for (var i = 0; i < addresses.Count; i++)
                gatewayEnvironment[$"ReverseProxy__Clusters__{name}__Destinations__d{i + 1}__Address"] = addresses[i].ToString();
        }
        foreach (var (name, project) in Services)
        {
            var addresses = replicas[name];
            for (var i = 0; i < addresses.Count; i++)
            {
                // One h2c port for gRPC and REST, one HTTP/1.1 port for /metrics and /healthz (Prometheus, curl).
                var management = new Uri($"http://127.0.0.1:{FreePort()}");
                var environment = new Dictionary<string, string>(common)
                {
                    ["Kestrel__Endpoints__Grpc__Url"] = addresses[i].ToString(),
                    ["Kestrel__Endpoints__Management__Url"] = management.ToString(),
                    ["Kestrel__Endpoints__Management__Protocols"] = "Http1",
                };
                var childName = addresses.Count == 1 ? name : $"{name}-{i + 1}";
                _children.Add(ChildProcess.Start(childName, addresses[i], AssemblyPath(project), environment, output, management));
            }
        }
        foreach (var child in _children)
            await WaitHealthyAsync(child, new Uri(child.Address, "/healthz"), http2: true, cancellationToken);

        if (WebAddress is { } web)
        {
            // The web application reads only the public API, through the gateway, like any other client; it
            // starts first (it calls nobody at start-up) so that the gateway's health check finds it up.
            var webEnvironment = new Dictionary<string, string>(common)
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Options.WebPort}",
                ["Web__ApiBaseAddress"] = RestAddress.ToString(),
                ["Web__DefaultEnte"] = "demo",
                ["Web__Entes__demo"] = "Comune di Cremona",
            };
            var link = WebSignInLink.Create();
            foreach (var (key, value) in link.Environment(Token("demo", "demo-admin", [Roles.Admin])))
                webEnvironment[key] = value;
            SignInLink = link.Address(RestAddress);
            var app = ChildProcess.Start("web", web, AssemblyPath("web/Platform.Web"), webEnvironment, output, web);
            _children.Add(app);
            await WaitHealthyAsync(app, new Uri(web, "/healthz"), http2: false, cancellationToken);
            gatewayEnvironment["ReverseProxy__Clusters__web__Destinations__d1__Address"] = web.ToString();
        }

        var gateway = ChildProcess.Start("gateway", RestAddress, AssemblyPath("gateway/Platform.Gateway"),
            gatewayEnvironment, output, RestAddress);
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
            if (child.HasExited) throw ExitedDuringStart(child);
            try
            {
                using var response = await client.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode && IsHealthy(await response.Content.ReadAsStringAsync(cancellationToken)))
                {
                    // Whoever answered, the program must still be running (not another one on its port).
                    await Task.Delay(300, cancellationToken);
                    if (child.HasExited) throw ExitedDuringStart(child);
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new LaunchException($"{child.Name} did not become healthy at {url} within 90 s");
    }

    private static LaunchException ExitedDuringStart(ChildProcess child) =>
        new($"{child.Name} exited during start-up; its last lines:{Environment.NewLine}{child.RecentOutput}");

    /// <summary>
    /// The gateway's ports must be free before anything starts: otherwise another program would answer the
    /// health probe and receive the demo data.
    /// </summary>
    private static void EnsurePortFree(int port, string what, string option)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
        catch (SocketException)
        {
            throw new LaunchException(
                $"Port {port} ({what}) is already in use by another program: stop it or choose another port with {option} N");
        }
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
