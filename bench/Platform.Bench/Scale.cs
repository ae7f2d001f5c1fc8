using System.Diagnostics;
using Platform.Launcher.Demo;

namespace Platform.Bench;

/// <summary>
/// The demo tenant's reads with one tenant in the databases, then again after the databases hold
/// <see cref="BenchSettings.ScaleTenants"/> tenants with a Cremona-sized plan each (clones of the demo tenant,
/// bulk-loaded by <see cref="TenantCloner"/>): p50 of each read and the ratio, database sizes on disk.
/// Reads are one call at a time, alternating between the reads, so the figure is the cost of the call itself.
/// </summary>
public static class Scale
{
    /// <summary>The launcher's demo ente.</summary>
    private const string DemoTenant = "demo";

    private static readonly (string Name, string Path)[] Reads =
    [
        ("plan tree", $"/v1/plans/{CremonaPlans.DupId}:tree"),
        ("filtered list (mission 9)", $"/v1/plans/{CremonaPlans.DupId}/objectives?missionCode=9&pageSize=100"),
        ("scorecard 2021", $"/v1/scorecards/{CremonaPlans.DupId}?year=2021"),
    ];

    public static async Task RunAsync(BenchContext bench, string dataDirectory)
    {
        var tenants = bench.Settings.Quick ? 100 : BenchSettings.ScaleTenants;
        var callsPerRound = bench.Settings.Quick ? 30 : 100;
        var one = await MeasureAsync(bench, callsPerRound);
        var before = DatabaseSizes(dataDirectory);

        var load = Stopwatch.StartNew();
        long rows = 0;
        foreach (var file in before.Keys)
            rows += TenantCloner.Clone(file, DemoTenant, tenants - 1,
                progress => Console.Write($"\r   {Path.GetFileName(file)}: {progress}"));
        Console.WriteLine();
        var loaded = load.Elapsed;
        var after = DatabaseSizes(dataDirectory);
        var many = await MeasureAsync(bench, callsPerRound);

        bench.Line($"## Scale: 1 tenant against {tenants:N0} tenants");
        bench.Line();
        bench.Line($"{tenants - 1:N0} clones of the demo tenant (plans, objectives, reports, indicators, periods, budget, audit) " +
                   $"bulk-loaded into the services' databases: {rows:N0} rows in {loaded.TotalSeconds:F0} s. " +
                   $"Reads of the demo tenant, one call at a time, {callsPerRound} per read and round, reads alternating, REST through the gateway.");
        bench.Line();
        bench.Line($"| read | p50 ms, 1 tenant | p50 ms, {tenants:N0} tenants | **{tenants:N0} tenants / 1 tenant** (goal ≤ 1.5) |");
        bench.Line("|---|---|---|---|");
        foreach (var (name, _) in Reads)
            bench.Line($"| {name} | {Stats.Spread(one[name], "F2")} | {Stats.Spread(many[name], "F2")} | {Stats.Ratio(many[name], one[name])} |");
        bench.Line();
        bench.Line("| database | MB, 1 tenant | MB, " + $"{tenants:N0} tenants |");
        bench.Line("|---|---|---|");
        foreach (var (file, size) in before)
            bench.Line($"| {Path.GetFileName(file)} | {size / 1048576.0:F1} | {after[file] / 1048576.0:F1} |");
        bench.Line();
    }

    /// <summary>p50 per round of each read.</summary>
    private static async Task<Dictionary<string, List<double>>> MeasureAsync(BenchContext bench, int callsPerRound)
    {
        var p50 = Reads.ToDictionary(r => r.Name, _ => new List<double>());
        foreach (var (_, path) in Reads)
            for (var i = 0; i < 30; i++) await CallAsync(bench, path);
        for (var round = 0; round < bench.Settings.Rounds; round++)
        {
            foreach (var (name, path) in Reads)
            {
                var times = new List<double>(callsPerRound);
                for (var i = 0; i < callsPerRound; i++) times.Add(await CallAsync(bench, path));
                p50[name].Add(Stats.Median(times));
            }
            bench.SampleLoad();
        }
        return p50;
    }

    private static async Task<double> CallAsync(BenchContext bench, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await bench.Rest.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>Size of each service database with its write-ahead log.</summary>
    private static Dictionary<string, long> DatabaseSizes(string dataDirectory) =>
        Directory.GetFiles(dataDirectory, "*.db").Order(StringComparer.Ordinal).ToDictionary(f => f,
            f => new FileInfo(f).Length + (File.Exists(f + "-wal") ? new FileInfo(f + "-wal").Length : 0));
}
