namespace Platform.Bench;

/// <summary>Resident memory of every process of the system.</summary>
public static class Memory
{
    public static Dictionary<string, double> Snapshot(BenchContext bench) =>
        bench.System.Children.ToDictionary(c => c.Name, c => ProcessStats.RssMegabytes(c.Id));

    public static void Report(BenchContext bench, Dictionary<string, double> idle, Dictionary<string, double> loaded)
    {
        bench.Line("## Memory (RSS, MB)");
        bench.Line();
        bench.Line("| process | idle, after the demo load | after the heavy reads and writes |");
        bench.Line("|---|---|---|");
        foreach (var (name, rss) in idle)
            bench.Line($"| {name} | {rss:F0} | {loaded.GetValueOrDefault(name):F0} |");
        bench.Line();
    }
}
