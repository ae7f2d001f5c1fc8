using System.Globalization;
using Platform.Launcher.Demo;

namespace Platform.Bench;

/// <summary>
/// The plan tree driven at twice the rate the system serves it closed-loop, for a minute: served latency
/// against unloaded, calls shed (503/429, with Retry-After), failures (deadline 10 s), peak RSS of each process.
/// </summary>
public static class Overload
{
    private static readonly string Path = $"/v1/plans/{CremonaPlans.DupId}:tree";

    public static async Task RunAsync(BenchContext bench)
    {
        var s = bench.Settings;
        await OpenLoop.SequentialAsync(bench.Rest, Path, 20); // warm: unloaded means steady, not the first calls
        var unloaded = await OpenLoop.SequentialAsync(bench.Rest, Path, 50);
        var capacity = await H2Load.RestAsync(new Uri(bench.System.RestAddress, Path).ToString(), bench.Token, 8, TimeSpan.FromSeconds(5));
        var rate = Math.Max(10, 2 * capacity.RequestsPerSecond);

        var peak = bench.System.Children.ToDictionary(c => c.Name, _ => 0.0);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                foreach (var child in bench.System.Children)
                    peak[child.Name] = Math.Max(peak[child.Name], ProcessStats.RssMegabytes(child.Id));
                try { await Task.Delay(200, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        using var client = BenchContext.NewRest(bench.System.RestAddress, bench.Token);
        var result = await OpenLoop.RunAsync(client, Path, rate, s.Overload);
        await sampling.CancelAsync();
        await sampler;
        bench.SampleLoad();

        var unloadedP99 = Stats.Percentile(unloaded, 99);
        bench.Line($"## Overload: plan tree at 2× capacity for {s.Overload.TotalSeconds:0} s");
        bench.Line();
        bench.Line($"Capacity (closed loop, 8 HTTP/1.1 connections, 5 s): {capacity.RequestsPerSecond:N0} req/s; driven open-loop at {rate:N0} req/s, deadline 10 s per call.");
        bench.Line();
        bench.Line("| figure | value |");
        bench.Line("|---|---|");
        bench.Line($"| unloaded p50 / p99 ms (one call at a time, 50 calls) | {Stats.Percentile(unloaded, 50):F1} / {unloadedP99:F1} |");
        bench.Line($"| served calls | {result.ServedMs.Count:N0} |");
        bench.Line($"| served p50 / p99 ms | {result.P50:F1} / {result.P99:F1} |");
        bench.Line($"| **served p99 / unloaded p99** (goal < 4) | {(result.P99 / unloadedP99).ToString("F1", CultureInfo.InvariantCulture)} |");
        bench.Line($"| shed at once (503 / 429) | {result.Shed:N0} ({result.RetryAfterMissing} without Retry-After) |");
        bench.Line($"| failed (deadline passed, other errors) | {result.Failed:N0} |");
        bench.Line($"| peak RSS MB (goal < 400 each) | {string.Join(", ", peak.Select(p => $"{p.Key} {p.Value:F0}"))} |");
        bench.Line();
    }
}
