using System.Diagnostics;
using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Launcher.Imports;
using Platform.Objectives.V1;

namespace Platform.Bench;

/// <summary>
/// The Cremona DUP's demo files (data/demo/import/dup-2023-2025) committed through the gateway's streamed
/// ImportFile into a new plan each round: objectives (full cards and texts) and then the mid-year reports.
/// </summary>
public static class ObjectiveImports
{
    public static async Task RunAsync(BenchContext bench)
    {
        var folder = Path.Combine(bench.System.Options.RepoRoot, "data", "demo", "import", "dup-2023-2025");
        var plan = JsonParser.Default.Parse<CreatePlanRequest>(await File.ReadAllTextAsync(Path.Combine(folder, "piano.json")));
        var objectives = new ObjectivesService.ObjectivesServiceClient(bench.Grpc);
        var rates = new Dictionary<string, List<double>> { ["objectives"] = [], ["progress-reports"] = [] };
        var rows = new Dictionary<string, long>();
        for (var round = 0; round < Math.Max(bench.Settings.Rounds, 3); round++)
        {
            var planId = $"bench-import-{DateTime.UtcNow:HHmmss}-{round}";
            await objectives.CreatePlanAsync(new CreatePlanRequest { PlanId = planId, Plan = plan.Plan });
            foreach (var (kind, file) in new[] { ("objectives", "obiettivi.csv"), ("progress-reports", "stati-di-attuazione.csv") })
            {
                await using var content = File.OpenRead(Path.Combine(folder, file));
                var watch = Stopwatch.StartNew();
                var result = await ImportClient.RunAsync(bench.Grpc, new ImportChunk
                {
                    Parent = $"plans/{planId}", Kind = kind, Mode = ImportMode.Commit, RequestId = $"{planId}-{kind}", FileName = file,
                }, content, progress: null, CancellationToken.None);
                if (!result.Summary.Committed) throw new InvalidOperationException($"{file}: {result.Summary.ProblemCount} problems");
                rates[kind].Add(result.Summary.RowsRead / watch.Elapsed.TotalSeconds);
                rows[kind] = result.Summary.RowsRead;
            }
        }
        bench.Line("## Objectives imports through the gateway (streamed ImportFile, commit)");
        bench.Line();
        bench.Line("| file | rows | rounds | rows/s |");
        bench.Line("|---|---|---|---|");
        foreach (var (kind, values) in rates)
            bench.Line($"| DUP {kind} | {rows[kind]} | {values.Count} | {Stats.Spread(values)} |");
        bench.Line();
    }
}
