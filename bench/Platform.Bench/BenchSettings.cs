namespace Platform.Bench;

/// <summary>
/// Durations of the runs. <c>BENCH_QUICK=1</c> shortens everything for a run while developing (the figures
/// are then only indicative); <c>BENCH_ROUNDS</c> sets the rounds per figure (at least 3 for the report).
/// </summary>
public sealed record BenchSettings(bool Quick, int Rounds, TimeSpan ClosedLoop, TimeSpan OpenLoopSlice, TimeSpan Overload)
{
    public static BenchSettings FromEnvironment()
    {
        var quick = Environment.GetEnvironmentVariable("BENCH_QUICK") is "1" or "true";
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BENCH_ROUNDS"), out var r) && r > 0 ? r : 3;
        return quick
            ? new BenchSettings(true, rounds, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10))
            : new BenchSettings(false, rounds, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));
    }

    /// <summary>Concurrency of the closed-loop reads: connections × streams for gRPC, connections for HTTP/1.1.</summary>
    public const int Connections = 4;
    public const int Streams = 16;

    /// <summary>Tenants in the databases for the scale figures (the demo tenant and its clones).</summary>
    public const int ScaleTenants = 1_000;

    /// <summary>Arrival rate of the heavy reads.</summary>
    public const double HeavyReadsPerSecond = 100;
}
