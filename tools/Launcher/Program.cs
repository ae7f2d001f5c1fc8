using System.Runtime.InteropServices;
using Grpc.Net.Client;
using Platform.Launcher;
using Platform.Launcher.Demo;

// dotnet run --project tools/Launcher [-- --rest-port 8080 --grpc-port 8081 --data-dir ./data --no-demo]
var arguments = CommandLine.Parse(args);
var options = new LaunchOptions
{
    RepoRoot = LaunchOptions.FindRepoRoot(AppContext.BaseDirectory),
    DataDirectory = Path.GetFullPath(arguments.DataDirectory),
    RestPort = arguments.RestPort,
    GrpcPort = arguments.GrpcPort,
};

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stopping.Cancel(); });

var consoleLock = new object();
void Output(string name, string line)
{
    lock (consoleLock) Console.WriteLine($"[{name,-10}] {line}");
}

Console.WriteLine($"Starting Platform (data in {options.DataDirectory})...");
await using var system = await PlatformSystem.StartAsync(options, Output, stopping.Token);

if (arguments.SeedDemo)
{
    using var channel = GrpcChannel.ForAddress(system.GrpcAddress);
    var created = await DemoData.SeedAsync(channel, stopping.Token);
    Console.WriteLine(created > 0 ? $"Demo data: {created} resources created." : "Demo data: already present.");
}

Console.WriteLine($"""

    Platform is up.
      REST/JSON : {system.RestAddress}    (e.g. curl {system.RestAddress}v1/plans)
      gRPC      : {system.GrpcAddress}    (h2c, server reflection on)
      Health    : {system.RestAddress}healthz
      Data      : {options.DataDirectory}
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
