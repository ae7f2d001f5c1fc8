using System.Diagnostics;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Finance.V1;
using Platform.Indicators.V1;
using Platform.Spreadsheets.Records;

namespace Platform.Bench;

/// <summary>Writes through the gateway (gRPC): budget lines in batches of 1,000 into a growing budget, indicator period updates 16 in flight.</summary>
public static class Writes
{
    private const int BatchSize = 1000;
    private const int PeriodsInFlight = 16;

    public static async Task RunAsync(BenchContext bench)
    {
        var (lineRates, linesPerCpuSecond) = await BudgetLinesAsync(bench);
        var (periodRates, periodP99, periodMax, periodShed) = await PeriodUpdatesAsync(bench);
        bench.Line("## Writes through the gateway (gRPC)");
        bench.Line();
        bench.Line("| write | rounds | figure |");
        bench.Line("|---|---|---|");
        bench.Line($"| budget lines, batches of {BatchSize:N0} into one budget (lines/s) | {lineRates.Count} | {Stats.Spread(lineRates)}; first batch {lineRates[0]:N0}, last {lineRates[^1]:N0} |");
        bench.Line($"| same, lines per CPU-second of the Finance process (robust to a busy machine) | {linesPerCpuSecond.Count} | {Stats.Spread(linesPerCpuSecond)}; first batch {linesPerCpuSecond[0]:N0}, last {linesPerCpuSecond[^1]:N0} |");
        bench.Line($"| indicator period updates, {PeriodsInFlight} in flight (updates/s) | {periodRates.Count} | {Stats.Spread(periodRates)} |");
        bench.Line($"| same, p99 ms | {periodP99.Count} | {Stats.Spread(periodP99, "F1")} |");
        bench.Line($"| same, max ms | {periodMax.Count} | {Stats.Spread(periodMax, "F1")} |");
        bench.Line($"| same, turned away (`RESOURCE_EXHAUSTED`, all rounds) | {periodMax.Count} | {periodShed:N0} |");
        bench.Line();
    }

    /// <summary>
    /// Lines/s and lines per Finance CPU-second of each batch; the budget grows by a batch each time, so the spread
    /// shows whether cost grows with it.
    /// </summary>
    private static async Task<(List<double> Rates, List<double> PerCpuSecond)> BudgetLinesAsync(BenchContext bench)
    {
        var finance = new FinanceService.FinanceServiceClient(bench.Grpc);
        var pid = bench.Pid("finance");
        var budgetId = $"bench-{DateTime.UtcNow:HHmmss}";
        await finance.CreateBudgetAsync(new CreateBudgetRequest
        {
            BudgetId = budgetId,
            Budget = new Budget { Title = "Bilancio di prova", FirstYear = 2023, LastYear = 2025, Stages = { new BudgetStage { Year = 2023, Stage = Stage.Previsione } } },
        });
        var programmes = CsvRecords.Read(Path.Combine(bench.System.Options.RepoRoot, "data", "reference", "missioni_programmi.csv"))
            .Where(r => r["regions_only"] == "no").Select(r => (r["mission_code"], r["programme_code"])).ToList();
        var rates = new List<double>();
        var perCpuSecond = new List<double>();
        var batches = Math.Max(bench.Settings.Rounds, bench.Settings.Quick ? 3 : 6);
        for (var batch = 0; batch < batches; batch++)
        {
            var request = new BatchUpsertBudgetLinesRequest { Parent = $"budgets/{budgetId}" };
            for (var i = 0; i < BatchSize; i++)
            {
                // Every line its own classification: programme × macroaggregato of titolo 1.
                var k = batch * BatchSize + i;
                var (mission, programme) = programmes[k % programmes.Count];
                var line = new BudgetLine
                {
                    Kind = BudgetLine.Types.Kind.Spending,
                    Titolo = 1,
                    MissionCode = mission,
                    ProgrammeCode = programme,
                    Macroaggregato = (101 + k / programmes.Count).ToString(CultureInfo.InvariantCulture),
                    Description = $"Riga di prova {batch}-{i}",
                    Amounts = { new LineAmount { Year = 2023, Stage = Stage.Previsione, Appropriation = (1000 + i).ToString(CultureInfo.InvariantCulture) + ".50" } },
                };
                request.Entries.Add(new BudgetLineEntry { LineId = $"b{batch}-l{i}", Line = line });
            }
            var cpu = ProcessStats.CpuSeconds(pid);
            var watch = Stopwatch.StartNew();
            await finance.BatchUpsertBudgetLinesAsync(request, deadline: DateTime.UtcNow.AddMinutes(2));
            rates.Add(BatchSize / watch.Elapsed.TotalSeconds);
            perCpuSecond.Add(BatchSize / (ProcessStats.CpuSeconds(pid) - cpu));
            bench.SampleLoad();
        }
        return (rates, perCpuSecond);
    }

    private static async Task<(List<double> Rates, List<double> P99, List<double> Max, long Shed)> PeriodUpdatesAsync(BenchContext bench)
    {
        var indicators = new IndicatorsService.IndicatorsServiceClient(bench.Grpc);
        var listed = await indicators.ListIndicatorsAsync(new ListIndicatorsRequest { PageSize = 100 });
        var periods = new List<string>();
        foreach (var indicator in listed.Indicators.Take(PeriodsInFlight * 2))
        {
            var page = await indicators.ListPeriodsAsync(new ListPeriodsRequest { Parent = indicator.Name });
            periods.AddRange(page.Periods.Select(p => p.Name));
        }
        if (periods.Count == 0) throw new InvalidOperationException("the demo has no indicator periods to update");
        var rates = new List<double>();
        var p99 = new List<double>();
        var max = new List<double>();
        long shed = 0;
        var slice = bench.Settings.Quick ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(5);
        for (var round = 0; round < bench.Settings.Rounds; round++)
        {
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var watch = Stopwatch.StartNew();
            var next = -1;
            async Task Worker()
            {
                while (watch.Elapsed < slice)
                {
                    var name = periods[(int)((uint)Interlocked.Increment(ref next) % periods.Count)];
                    var call = Stopwatch.StartNew();
                    try
                    {
                        await indicators.UpdatePeriodAsync(new UpdatePeriodRequest
                        {
                            Period = new Period { Name = name, Note = $"Aggiornamento di prova {call.ElapsedTicks}" },
                            UpdateMask = new FieldMask { Paths = { "note" } },
                        }, deadline: DateTime.UtcNow.AddSeconds(30));
                        latencies.Add(call.Elapsed.TotalMilliseconds);
                    }
                    catch (RpcException ex) when (ex.StatusCode is StatusCode.Aborted or StatusCode.FailedPrecondition)
                    {
                        // A closed period or a concurrent update of the same period: not a throughput figure.
                    }
                    catch (RpcException ex) when (ex.StatusCode is StatusCode.ResourceExhausted)
                    {
                        Interlocked.Increment(ref shed); // counted, not served: admission control turned it away
                    }
                }
            }
            await Task.WhenAll(Enumerable.Range(0, PeriodsInFlight).Select(_ => Worker()));
            var samples = latencies.ToList();
            rates.Add(samples.Count / watch.Elapsed.TotalSeconds);
            p99.Add(Stats.Percentile(samples, 99));
            max.Add(samples.Count == 0 ? double.NaN : samples.Max());
            bench.SampleLoad();
        }
        return (rates, p99, max, shed);
    }
}
