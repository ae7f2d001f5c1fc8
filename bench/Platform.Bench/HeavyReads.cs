using Platform.Launcher.Demo;

namespace Platform.Bench;

/// <summary>
/// The heavy reads at a fixed arrival rate (open loop): scorecard, plan tree, balances, over REST through the
/// gateway, in slices that alternate between the reads. CPU per call is summed over every backend process.
/// </summary>
public static class HeavyReads
{
    public static readonly (string Name, string Path)[] Reads =
    [
        ("scorecard of the DUP, 2021", $"/v1/scorecards/{CremonaPlans.DupId}?year=2021"),
        ("plan tree (223 objectives)", $"/v1/plans/{CremonaPlans.DupId}:tree"),
        ("plan tree, BASIC view", $"/v1/plans/{CremonaPlans.DupId}:tree?view=BASIC"),
        ("balances 2023 PREVISIONE", "/v1/budgets/bilancio-2023-2025:balances?year=2023&stage=PREVISIONE"),
    ];

    public static async Task RunAsync(BenchContext bench)
    {
        var s = bench.Settings;
        var pids = bench.System.Children.Where(c => c.Name != "web").Select(c => c.Id).ToList();
        var p50 = Reads.ToDictionary(r => r.Name, _ => new List<double>());
        var p99 = Reads.ToDictionary(r => r.Name, _ => new List<double>());
        var cpu = Reads.ToDictionary(r => r.Name, _ => new List<double>());
        var failed = Reads.ToDictionary(r => r.Name, _ => 0);
        var sizes = new Dictionary<string, long>();
        foreach (var (name, path) in Reads)
        {
            using var response = await bench.Rest.GetAsync(path);
            response.EnsureSuccessStatusCode();
            sizes[name] = (await response.Content.ReadAsByteArrayAsync()).Length;
            await OpenLoop.RunAsync(bench.Rest, path, BenchSettings.HeavyReadsPerSecond, TimeSpan.FromSeconds(2));
        }
        for (var round = 0; round < s.Rounds; round++)
        {
            foreach (var (name, path) in Reads)
            {
                var before = ProcessStats.CpuSeconds(pids);
                var result = await OpenLoop.RunAsync(bench.Rest, path, BenchSettings.HeavyReadsPerSecond, s.OpenLoopSlice);
                var used = ProcessStats.CpuSeconds(pids) - before;
                p50[name].Add(result.P50);
                p99[name].Add(result.P99);
                cpu[name].Add(used / Math.Max(1, result.ServedMs.Count) * 1000);
                failed[name] += result.Failed + result.Shed;
                bench.SampleLoad();
            }
        }
        bench.Line($"## Heavy reads at {BenchSettings.HeavyReadsPerSecond:0} req/s (open loop, REST through the gateway)");
        bench.Line();
        bench.Line($"{s.Rounds} slices of {s.OpenLoopSlice.TotalSeconds:0} s per read ({s.Rounds * s.OpenLoopSlice.TotalSeconds:0} s each), reads alternating; latency from the moment each call was due. CPU: gateway + the three services, per call.");
        bench.Line();
        bench.Line("| read | payload KB | p50 ms | p99 ms | CPU ms / call | failed or shed |");
        bench.Line("|---|---|---|---|---|---|");
        foreach (var (name, _) in Reads)
            bench.Line($"| {name} | {sizes[name] / 1024} | {Stats.Spread(p50[name], "F1")} | {Stats.Spread(p99[name], "F1")} | {Stats.Spread(cpu[name], "F2")} | {failed[name]} |");
        bench.Line();
    }
}
