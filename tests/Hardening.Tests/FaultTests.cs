using EndToEnd.Tests;
using Grpc.Core;
using Platform.Finance.V1;
using Platform.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Hardening.Tests;

/// <summary>
/// kill -9 of each service and of the gateway during a burst of atomic batch writes (each batch: a new line
/// and an update of a shared counter line, same amount), then a restart on the same data directory: every
/// acknowledged batch is present and no batch is half applied.
/// </summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Acknowledged_writes_survive_kill_9_and_no_batch_is_half_applied()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("platform-faults-").FullName;
        var acknowledged = new List<string>();
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
        List<string> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var id = $"{round[..3]}-{i}";
            try
            {
                // One batch: the new line and the same amount on a mirror line; both or neither.
                await finance.BatchUpsertBudgetLinesAsync(new BatchUpsertBudgetLinesRequest
                {
                    Parent = budget, Entries = { RealResources.SpendingLine($"a-{id}", "1.00"), RealResources.SpendingLine($"b-{id}", "1.00", macroaggregato: "101") },
                }, deadline: DateTime.UtcNow.AddSeconds(5));
                lock (acknowledged) acknowledged.Add(id);
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.DeadlineExceeded or StatusCode.Unknown)
            {
                // The victim is down: the batch is not acknowledged, and must be whole or absent.
            }
        }
    }

    private static async Task<List<string>> CheckAsync(FinanceService.FinanceServiceClient finance, string budget, List<string> acknowledged)
    {
        var ids = new HashSet<string>();
        var request = new ListBudgetLinesRequest { Parent = budget, PageSize = 500 };
        do
        {
            var page = await finance.ListBudgetLinesAsync(request);
            foreach (var line in page.Lines) ids.Add(line.Name.Split('/')[^1]);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);

        var problems = acknowledged.Where(id => !ids.Contains($"a-{id}") || !ids.Contains($"b-{id}")).Select(id => $"acknowledged batch {id} missing").ToList();
        problems.AddRange(ids.Where(i => i.StartsWith("a-", StringComparison.Ordinal) && !ids.Contains("b-" + i[2..])).Select(i => $"batch {i[2..]} half applied"));
        problems.AddRange(ids.Where(i => i.StartsWith("b-", StringComparison.Ordinal) && !ids.Contains("a-" + i[2..])).Select(i => $"batch {i[2..]} half applied"));
        return problems;
    }
}
