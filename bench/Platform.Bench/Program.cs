using System.Diagnostics;
using System.Globalization;
using Platform.Bench;
using Platform.Launcher;
using Platform.Launcher.Demo;
using Platform.ServiceDefaults.Security;

// bench/run (installs h2load, wrk and nginx, builds Release, runs this). Alone:
//   dotnet run -c Release --project bench/Platform.Bench [-- results.md]
// Starts the system in Release on free ports with a temporary data directory, loads the Cremona demo through
// the gateway, runs every benchmark and writes the report (default bench/results/latest.md).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = BenchSettings.FromEnvironment();
// BENCH_ONLY=gateway,overload runs only the sections whose names start so (while developing).
var only = Environment.GetEnvironmentVariable("BENCH_ONLY") is { Length: > 0 } list ? list.Split(',') : null;
var repoRoot = LaunchOptions.FindRepoRoot(AppContext.BaseDirectory);
var output = args.Length > 0 ? args[0] : Path.Combine(repoRoot, "bench", "results", "latest.md");
var data = Directory.CreateTempSubdirectory("platform-bench-").FullName;
var started = DateTime.UtcNow;
var total = Stopwatch.StartNew();
var options = new LaunchOptions
{
    RepoRoot = repoRoot,
    DataDirectory = data,
    RestPort = PlatformSystem.FreePort(),
    GrpcPort = PlatformSystem.FreePort(),
    WebPort = PlatformSystem.FreePort(),
    Configuration = "Release",
    Environment = new Dictionary<string, string>
    {
        ["Logging__LogLevel__Default"] = "Warning",
        // The benchmark is one caller sending far more than a person would.
        ["RateLimiting__PermitLimit"] = "100000000",
    },
};
try
{
    await using var system = await PlatformSystem.StartAsync(options, (_, _) => { }, CancellationToken.None);
    var bench = new BenchContext(system, system.Token("demo", "bench", [Roles.Admin], TimeSpan.FromHours(2)), settings);
    var seed = Stopwatch.StartNew();
    var created = await DemoData.SeedIfEmptyAsync(bench.Grpc, _ => { }, CancellationToken.None);
    seed.Stop();
    Console.WriteLine($"seed: {created?.Values.Sum()} resources through the gateway in {seed.Elapsed.TotalSeconds:F1} s");
    await Task.Delay(TimeSpan.FromSeconds(3));
    var idle = Memory.Snapshot(bench);
    bench.SampleLoad();

    // First, while the demo tenant holds only the demo (the writes and imports below add budgets of 50,000
    // lines to it): the other sections then run with 1,000 tenants in the databases.
    await Section("scale", () => Scale.RunAsync(bench, data));
    await Section("gateway cost", () => GatewayCost.RunAsync(bench));
    await Section("heavy reads", () => HeavyReads.RunAsync(bench));
    await Section("quality report", () => QualityReport.RunAsync(bench));
    await Section("writes", () => Writes.RunAsync(bench));
    await Section("objective imports", () => ObjectiveImports.RunAsync(bench));
    await Section("import", () => Import.RunAsync(bench));
    var loaded = Memory.Snapshot(bench);
    if (only is null) Memory.Report(bench, idle, loaded);
    await Section("web pages", () => WebPages.RunAsync(bench));
    await Section("overload", () => Overload.RunAsync(bench));
    await Section("documents", () => DocumentRender.RunAsync(bench));

    var header = Header(bench, seed.Elapsed, (int?)created?.Values.Sum());
    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
    await File.WriteAllTextAsync(output, header + bench.Report);
    Console.WriteLine($"wrote {output} in {total.Elapsed.TotalMinutes:F1} min");

    async Task Section(string name, Func<Task> run)
    {
        if (only is not null && !only.Any(name.StartsWith)) return;
        var watch = Stopwatch.StartNew();
        Console.WriteLine($"== {name}");
        try
        {
            await run();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            bench.Line($"## {name}: failed\n\n`{ex.GetType().Name}: {ex.Message.Split('\n')[0]}`\n");
        }
        Console.WriteLine($"   ({watch.Elapsed.TotalSeconds:F0} s)");
    }
}
finally
{
    Directory.Delete(data, recursive: true);
}

string Header(BenchContext bench, TimeSpan seedTime, int? created)
{
    var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':')[1].Trim() ?? "unknown CPU";
    var memory = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim();
    var commit = Environment.GetEnvironmentVariable("BENCH_COMMIT") ?? "unknown";
    var load = bench.LoadSamples;
    return $"""
        # Platform benchmark

        | | |
        |---|---|
        | date | {started:yyyy-MM-dd HH:mm} UTC |
        | machine | {Environment.ProcessorCount} cores, {cpu}, {memory} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription} |
        | commit | `{commit}` |
        | runtime | .NET {Environment.Version}, Release build |
        | load average (1 min) during the run | median {Stats.Median(load):F2}, {load.Min():F2}-{load.Max():F2} over {load.Count} samples |
        | mode | {(settings.Quick ? "QUICK (short runs: indicative only)" : "full")}, {settings.Rounds} rounds per figure |
        | demo load | {created} resources through the gateway in {seedTime.TotalSeconds:F1} s |
        | total time | {total.Elapsed.TotalMinutes:F1} min |

        Figures are medians with the min-max of the rounds in brackets. The machine is shared: compare ratios
        within this run, not absolute figures across runs.


        """;
}
