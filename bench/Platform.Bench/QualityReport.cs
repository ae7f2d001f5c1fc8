using System.Diagnostics;
using Grpc.Core;
using Platform.Launcher.Demo;
using Platform.Quality.V1;

namespace Platform.Bench;

/// <summary>
/// Time to gather every data-quality finding of the whole demo DUP (plan, indicators, budget, investments:
/// QualityGathering's call sequence over gRPC through the gateway), one report after another. Goal: under 2 s.
/// </summary>
public static class QualityReport
{
    public static async Task RunAsync(BenchContext bench)
    {
        var invoker = bench.Grpc.CreateCallInvoker();
        var budgets = new[] { "budgets/" + CremonaFinanceTables.BudgetId };
        Task<GatheredReport> Gather() => QualityGathering.GatherAsync(invoker, "plans/" + CremonaPlans.DupId, budgets,
            new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30)));
        var first = Stopwatch.StartNew();
        var report = await Gather();
        var cold = first.Elapsed.TotalMilliseconds;
        var calls = bench.Settings.Quick ? 10 : 30;
        var rounds = new List<double>();
        for (var round = 0; round < bench.Settings.Rounds; round++)
        {
            var times = new List<double>();
            for (var i = 0; i < calls; i++)
            {
                var watch = Stopwatch.StartNew();
                await Gather();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            rounds.Add(Stats.Percentile(times, 99));
            bench.SampleLoad();
        }
        bench.Line("## Data-quality report of the demo DUP (issue 12)");
        bench.Line();
        bench.Line($"ValidatePlan + ValidatePlanIndicators + ValidateBudget + ValidateInvestments, concurrent, gRPC through the gateway; {calls} reports one after another per round. Goal: under 2,000 ms.");
        bench.Line();
        bench.Line("| service | subject | rules | findings |");
        bench.Line("|---|---|---|---|");
        foreach (var (service, r) in report.Reports)
            bench.Line($"| {service} | {r.Subject} | {r.RulesRun} | {r.Findings.Count} |");
        bench.Line();
        bench.Line($"| first report ms | p99 of a round ms | goal |");
        bench.Line("|---|---|---|");
        bench.Line($"| {cold:F0} | {Stats.Spread(rounds, "F0")} | {(rounds.Max() < 2000 ? "met" : "missed")} |");
        bench.Line();
    }
}
