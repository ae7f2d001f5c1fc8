using System.Net.Http.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Launcher;
using Platform.Launcher.Demo;
using Platform.ServiceDefaults.Security;

namespace Web.Tests;

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}

/// <summary>
/// The real system as the launcher starts it, web application included, with the demo data and the demo DUP
/// published. Pages are read through the gateway, as a browser reaches them.
/// </summary>
public sealed class WebFixture : IAsyncLifetime
{
    public const string Plan = "dup-2023-2025";
    public const string Budget = "bilancio-2023-2025";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("platform-web-").FullName;
    private readonly List<string> _log = [];

    public PlatformSystem System { get; private set; } = null!;
    /// <summary>REST as the demo ente's admin.</summary>
    public HttpClient Admin { get; private set; } = null!;
    /// <summary>REST without a token, as a citizen calls it.</summary>
    public HttpClient Anonymous { get; private set; } = null!;
    /// <summary>The web app, as a browser without a sign-in reaches it.</summary>
    public HttpClient Web { get; private set; } = null!;
    /// <summary>The gateway's address, where a browser opens the web app.</summary>
    public Uri WebAddress => System.RestAddress;

    public string Log { get { lock (_log) return string.Join('\n', _log); } }

    public async Task InitializeAsync()
    {
        var options = new LaunchOptions
        {
            RepoRoot = LaunchOptions.FindRepoRoot(AppContext.BaseDirectory),
            DataDirectory = _dataDirectory,
            RestPort = PlatformSystem.FreePort(),
            GrpcPort = PlatformSystem.FreePort(),
            WebPort = PlatformSystem.FreePort(),
            Replicas = new Dictionary<string, int>(),
            Environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        System = await PlatformSystem.StartAsync(options, (name, line) => { lock (_log) _log.Add($"[{name}] {line}"); }, timeout.Token);
        var token = System.Token("demo", "web-tests-admin", [Roles.Admin]);
        await SeedAsync(token, timeout.Token);
        Admin = new HttpClient { BaseAddress = System.RestAddress };
        Admin.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Anonymous = new HttpClient { BaseAddress = System.RestAddress };
        Web = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = WebAddress };
    }

    private async Task SeedAsync(string token, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(System.GrpcAddress, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        await DemoData.SeedIfEmptyAsync(channel, _ => { }, cancellationToken);
    }

    public async Task DisposeAsync()
    {
        Web?.Dispose();
        Admin?.Dispose();
        Anonymous?.Dispose();
        if (System is not null) await System.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
