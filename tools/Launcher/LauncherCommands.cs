using System.Runtime.InteropServices;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Launcher.Demo;
using Platform.ServiceDefaults.Security;

namespace Platform.Launcher;

/// <summary>
/// What the launcher does for a command line: mint a token, or start the system, load the demo into an empty
/// ente and run until Ctrl+C / SIGTERM. Exit codes: 0 done, 1 the system could not start, 2 a command-line mistake.
/// </summary>
public static class LauncherCommands
{
    /// <summary>Commands that talk to a running platform, each with its own arguments.</summary>
    private static readonly Dictionary<string, Func<IReadOnlyList<string>, CancellationToken, Task<int>>> ClientCommands = new()
    {
        ["import"] = Imports.ImportCommand.RunAsync,
        ["bundle"] = Bundles.BundleCommand.RunAsync,
        ["render"] = RenderCommand.RunAsync,
        ["quality"] = QualityCommand.RunAsync,
    };

    private static string Usage => string.Join(Environment.NewLine, CommandLine.Usage, Imports.ImportCommand.Usage, Bundles.BundleCommand.Usage, RenderCommand.Usage, QualityCommand.Usage);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && ClientCommands.TryGetValue(args[0], out var command))
            return await RunClientCommandAsync(command, args[1..]);
        CommandLine arguments;
        try
        {
            arguments = CommandLine.Parse(args);
        }
        catch (CommandLineException ex)
        {
            await Console.Error.WriteLineAsync($"launcher: {ex.Message}");
            return 2;
        }
        if (arguments.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }
        var dataDirectory = Path.GetFullPath(arguments.DataDirectory);
        if (arguments.Token is { } request)
        {
            var key = PlatformTokens.EnsureKeyFile(dataDirectory);
            var roles = request.Roles.Count == 0 ? [Roles.Reader] : request.Roles;
            Console.WriteLine(PlatformTokens.Create(key, request.Subject, request.Tenant, roles, TimeSpan.FromHours(request.Hours)));
            return 0;
        }
        try
        {
            await StartAndRunAsync(arguments, dataDirectory);
            return 0;
        }
        catch (LaunchException ex)
        {
            await Console.Error.WriteLineAsync($"launcher: Platform did not start: {ex.Message}");
            return 1;
        }
    }

    private static async Task<int> RunClientCommandAsync(Func<IReadOnlyList<string>, CancellationToken, Task<int>> command, string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        using var stopping = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };
        try
        {
            return await command(args, stopping.Token);
        }
        catch (CommandLineException ex)
        {
            await Console.Error.WriteLineAsync($"launcher: {ex.Message}");
            return 2;
        }
    }

    /// <summary>The token command that works for this data directory, ready to paste into a shell.</summary>
    public static string TokenCommand(string repoRoot, string dataDirectory) =>
        $"dotnet run --project {Quoted(Path.Combine(repoRoot, "tools", "Launcher"))} -- token --data-dir {Quoted(dataDirectory)} --tenant demo --subject alice --role planner";

    private static string Quoted(string path) =>
        path.All(c => char.IsLetterOrDigit(c) || "/._-+".Contains(c)) ? path : $"'{path.Replace("'", "'\\''")}'";

    private static async Task StartAndRunAsync(CommandLine arguments, string dataDirectory)
    {
        var options = new LaunchOptions
        {
            RepoRoot = LaunchOptions.FindRepoRoot(AppContext.BaseDirectory),
            DataDirectory = dataDirectory,
            RestPort = arguments.RestPort,
            GrpcPort = arguments.GrpcPort,
            WebPort = arguments.RestPort + 10,
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
        if (arguments.SeedDemo) await SeedDemoAsync(system, devToken, stopping.Token);

        Console.WriteLine($"""

            Platform is up.
              REST/JSON : {system.RestAddress}    (API docs: {system.RestAddress}docs)
              gRPC      : {system.GrpcAddress}    (h2c, server reflection on)
              Web app   : {system.RestAddress}    (the plans, budget and PNRR in Italian, through the gateway)
              Sign in   : {system.SignInLink}
                          (one-time link for the demo ente's admin, valid {WebSignInLink.Lifetime.TotalMinutes:0} minutes;
                          afterwards paste a token at {system.RestAddress}accesso)
              Health    : {system.RestAddress}healthz
              Metrics   : {string.Join(", ", system.Children.Where(c => c.Name != "web").Select(c => $"{c.Name} {c.ManagementAddress}metrics"))}
              Data      : {options.DataDirectory}
              Token     : admin of the demo ente, in {tokenFile}
                          export TOKEN=$(cat {tokenFile})
                          curl -H "Authorization: Bearer $TOKEN" {system.RestAddress}v1/plans
              Other tokens: {TokenCommand(options.RepoRoot, options.DataDirectory)}
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
    }

    private static async Task SeedDemoAsync(PlatformSystem system, string token, CancellationToken cancellationToken)
    {
        using var channel = GatewayChannel.Create(system.GrpcAddress, token);
        Console.WriteLine("Loading the demo ente (Comune di Cremona) through the import RPCs...");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var created = await DemoData.SeedIfEmptyAsync(channel, line => Console.WriteLine($"  demo: {line}"), cancellationToken);
        Console.WriteLine(created is null ? "Demo data already present."
            : $"Demo data loaded in {started.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", created.Select(c => $"{c.Key} {c.Value}"))}.");
    }
}
