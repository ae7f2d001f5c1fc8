using EndToEnd.Tests;
using Grpc.Core;
using Platform.Finance.V1;
using Platform.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Hardening.Tests;

/// <summary>
/// kill -9 of each service and of the gateway during a burst of atomic batch writes (batch n sets two lines to
/// the amount n), then a restart on the same data directory: the lines hold at least the last acknowledged n
/// (every acknowledged batch present) and the same amount (no batch half applied).
/// </summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Acknowledged_writes_survive_kill_9_and_no_batch_is_half_applied()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("platform-faults-").FullName;
        var acknowledged = new List<int>();
        var problems = new List<string>();
        var victims = new[] { "objectives", "indicators", "finance", "gateway" };
        try
        {
            string? budget = null;
            foreach (var victim in victims)
            {
                await using var platform = await RunningPlatform.StartAsync(dataDirectory);
                var finance = new FinanceService.FinanceServiceClient(platform.GrpcAs("faults", "writer", Roles.Admin));
                budget ??= (await finance.CreateBudgetAsync(new CreateBudgetRequest
                {
                    BudgetId = "burst",
                    Budget = new Budget { Title = "Burst", FirstYear = 2024, LastYear = 2026, Stages = { new BudgetStage { Year = 2024, Stage = Stage.Previsione } } },
                })).Name;
                problems.AddRange(await CheckAsync(finance, budget, acknowledged));

                using var burst = new CancellationTokenSource();
                var writer = WriteBurstAsync(finance, budget, victim, acknowledged, burst.Token);
                await Task.Delay(TimeSpan.FromSeconds(2));
                platform.System.Child(victim).Kill();
                await Task.Delay(TimeSpan.FromMilliseconds(500));
                await burst.CancelAsync();
                await writer;
                output.WriteLine($"killed {victim}; acknowledged batches so far: {acknowledged.Count}");
            }
            await using (var last = await RunningPlatform.StartAsync(dataDirectory))
                problems.AddRange(await CheckAsync(new FinanceService.FinanceServiceClient(last.GrpcAs("faults", "writer", Roles.Admin)), budget!, acknowledged));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        var text = $"Faults: {acknowledged.Count} acknowledged batches; problems: {problems.Count}\n  " + string.Join("\n  ", problems.Take(25));
        Console.WriteLine(text);
        output.WriteLine(text);
        Assert.True(acknowledged.Count > 0 && problems.Count == 0, text);
    }

    private static async Task WriteBurstAsync(FinanceService.FinanceServiceClient finance, string budget, string round,
        List<int> acknowledged, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var n = acknowledged.Count == 0 ? 1 : acknowledged[^1] + 1;
            try
            {
                // One batch: both mirror lines to the amount n; both or neither.
                await finance.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest
                {
                    Parent = budget, Entries = { RealResources.SpendingLine("mirror-a", $"{n}.00"), RealResources.SpendingLine("mirror-b", $"{n}.00", macroaggregato: "101") },
                }, deadline: DateTime.UtcNow.AddSeconds(5));
                acknowledged.Add(n);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.DeadlineExceeded or StatusCode.Unknown)
            {
                // The victim is down: the batch is not acknowledged, and must be whole or absent.
            }
        }
    }

    private static async Task<List<string>> CheckAsync(FinanceService.FinanceServiceClient finance, string budget, List<int> acknowledged)
    {
        if (acknowledged.Count == 0) return [];
        var lines = (await finance.ListBudgetLinesAsync(new ListBudgetLinesRequest { Parent = budget, PageSize = 500 })).Lines
            .ToDictionary(l => l.Name.Split('/')[^1], l => decimal.Parse(l.Amounts[0].Appropriation, System.Globalization.CultureInfo.InvariantCulture));
        var a = lines.GetValueOrDefault("mirror-a");
        var b = lines.GetValueOrDefault("mirror-b");
        var problems = new List<string>();
        if (a != b) problems.Add($"batch half applied: mirror-a = {a}, mirror-b = {b}");
        if (Math.Min(a, b) < acknowledged[^1]) problems.Add($"acknowledged batch {acknowledged[^1]} missing: lines hold {a} and {b}");
        return problems;
    }
}
