using System.Runtime.InteropServices;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Launcher;
using Platform.Launcher.Demo;
using Platform.ServiceDefaults.Security;

// dotnet run --project tools/Launcher [-- --rest-port 8080 --grpc-port 8081 --data-dir ./data --no-demo --replicas indicators=2]
// dotnet run --project tools/Launcher -- token --tenant comune-x --subject alice --role planner
var arguments = CommandLine.Parse(args);
var dataDirectory = Path.GetFullPath(arguments.DataDirectory);

if (arguments.Token is { } request)
{
    var key = PlatformTokens.EnsureKeyFile(dataDirectory);
    var roles = request.Roles.Count == 0 ? [Roles.Reader] : request.Roles;
    Console.WriteLine(PlatformTokens.Create(key, request.Subject, request.Tenant, roles, TimeSpan.FromHours(request.Hours)));
    return;
}

var options = new LaunchOptions
{
    RepoRoot = LaunchOptions.FindRepoRoot(AppContext.BaseDirectory),
    DataDirectory = dataDirectory,
    RestPort = arguments.RestPort,
    GrpcPort = arguments.GrpcPort,
    Replicas = arguments.Replicas,
};

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });

var consoleLock = new object();
void Output(string name, string line)
{
    lock (consoleLock) Console.WriteLine($"[{name,-12}] {line}");
}

Console.WriteLine($"Starting Platform (data in {options.DataDirectory})...");
await using var system = await PlatformSystem.StartAsync(options, Output, stopping.Token);

// The demo ente's administrator, valid for 30 days; also written where scripts can read it.
var devToken = system.Token("demo", "demo-admin", [Roles.Admin], TimeSpan.FromDays(30));
var tokenFile = Path.Combine(options.DataDirectory, "dev-token");
await File.WriteAllTextAsync(tokenFile, devToken);

if (arguments.SeedDemo)
{
    using var channel = GrpcChannel.ForAddress(system.GrpcAddress, new GrpcChannelOptions
    {
        Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure,
            CallCredentials.FromInterceptor((_, metadata) => { metadata.Add("authorization", $"Bearer {devToken}"); return Task.CompletedTask; })),
        UnsafeUseInsecureChannelCallCredentials = true,
    });
    var created = await DemoData.SeedAsync(channel, stopping.Token);
    Console.WriteLine(created > 0 ? $"Demo data: {created} resources created." : "Demo data: already present.");
}

Console.WriteLine($"""

    Platform is up.
      REST/JSON : {system.RestAddress}    (API docs: {system.RestAddress}docs)
      gRPC      : {system.GrpcAddress}    (h2c, server reflection on)
      Health    : {system.RestAddress}healthz
      Metrics   : {string.Join(", ", system.Children.Select(c => $"{c.Name} {c.ManagementAddress}metrics"))}
      Data      : {options.DataDirectory}
      Token     : admin of the demo ente, in {tokenFile}
                  export TOKEN=$(cat {tokenFile})
                  curl -H "Authorization: Bearer $TOKEN" {system.RestAddress}v1/plans
      Other tokens: dotnet run --project tools/Launcher -- token --tenant demo --subject alice --role planner
    Press Ctrl+C to stop.

    """);

try
{
    await Task.Delay(Timeout.Infinite, stopping.Token);
}
catch (OperationCanceledException)
{
}
Console.WriteLine("Stopping...");
