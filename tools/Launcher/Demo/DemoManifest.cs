using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Imports.V1;
using Platform.Launcher.Imports;
using Platform.Spreadsheets.Records;

namespace Platform.Launcher.Demo;

/// <summary>
/// The demo as files (<c>data/demo/import/manifest.csv</c>: <c>kind;parent;file</c>, in order), loaded through
/// the same import RPCs users have. Plans and budgets are created from the proto JSON of their create request
/// (kinds <c>plan</c> and <c>budget</c>); every other file is committed through its service's <c>ImportFile</c>.
/// </summary>
public static class DemoManifest
{
    public const string RelativePath = "data/demo/import/manifest.csv";

    public sealed record Entry(string Kind, string Parent, string File);

    public static string? Find() => DemoFiles.Find(RelativePath);

    /// <summary>The entries in order (the manifest is `;`-separated like the demo's files).</summary>
    public static IReadOnlyList<Entry> Read(string path) =>
        [.. CsvRecords.Read(path).Select(row => new Entry(row["kind"], row["parent"], row["file"]))];

    /// <summary>Loads every entry through the gateway and returns what was written, by kind.</summary>
    public static Task<IReadOnlyDictionary<string, long>> LoadAsync(GrpcChannel gateway, string manifestPath,
        Action<string> log, CancellationToken cancellationToken) => LoadAsync(_ => gateway, manifestPath, log, cancellationToken);

    /// <summary>Loads every entry, each through the channel of the service that owns its kind (hosts without a gateway).</summary>
    public static async Task<IReadOnlyDictionary<string, long>> LoadAsync(Func<string, GrpcChannel> channelOfService, string manifestPath,
        Action<string> log, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(manifestPath)!;
        var counts = new Dictionary<string, long>();
        foreach (var entry in Read(manifestPath))
        {
            var started = Stopwatch.StartNew();
            var path = Path.Combine(folder, entry.File);
            var gateway = channelOfService(ImportKinds.ServiceOf(entry.Kind));
            var written = entry.Kind switch
            {
                "plan" => new Dictionary<string, long> { ["plans"] = await CreateAsync(() => new Platform.Objectives.V1.ObjectivesService.ObjectivesServiceClient(gateway)
                    .CreatePlanAsync(Parse<Platform.Objectives.V1.CreatePlanRequest>(path), cancellationToken: cancellationToken)) },
                "budget" => new Dictionary<string, long> { ["budgets"] = await CreateAsync(() => new Platform.Finance.V1.FinanceService.FinanceServiceClient(gateway)
                    .CreateBudgetAsync(Parse<Platform.Finance.V1.CreateBudgetRequest>(path), cancellationToken: cancellationToken)) },
                "publish" => new Dictionary<string, long> { ["published plans"] = await PublishAsync(gateway, entry.Parent, cancellationToken) },
                "approve" => new Dictionary<string, long> { ["approved budgets"] = await ApproveAsync(gateway, entry.Parent, cancellationToken) },
                _ => await ImportAsync(gateway, entry, path, cancellationToken),
            };
            foreach (var (kind, count) in written) counts[kind] = counts.GetValueOrDefault(kind) + count;
            log($"{(entry.File.Length > 0 ? entry.File : $"{entry.Kind} {entry.Parent}")}: {string.Join(", ", written.Select(w => $"{w.Key} {w.Value}"))} ({started.Elapsed.TotalSeconds:0.0} s)");
        }
        return counts;
    }

    /// <summary>The plan as its council approved it, readable by citizens (kind <c>publish</c>).</summary>
    private static async Task<long> PublishAsync(GrpcChannel gateway, string name, CancellationToken cancellationToken)
    {
        var objectives = new Platform.Objectives.V1.ObjectivesService.ObjectivesServiceClient(gateway);
        var plan = await objectives.GetPlanAsync(new Platform.Objectives.V1.GetPlanRequest { Name = name }, cancellationToken: cancellationToken);
        if (plan.Published) return 0;
        if (plan.State < Platform.Objectives.V1.Plan.Types.State.Approved)
            plan = await objectives.TransitionPlanAsync(new Platform.Objectives.V1.TransitionPlanRequest
            {
                Name = name, State = Platform.Objectives.V1.Plan.Types.State.Approved, Etag = plan.Etag,
            }, cancellationToken: cancellationToken);
        await objectives.PublishPlanAsync(new Platform.Objectives.V1.PublishPlanRequest { Name = name, Published = true, Etag = plan.Etag },
            cancellationToken: cancellationToken);
        return 1;
    }

    /// <summary>The budget as approved, readable by citizens with its lines, balances, debt and the ente's investments (kind <c>approve</c>).</summary>
    private static async Task<long> ApproveAsync(GrpcChannel gateway, string name, CancellationToken cancellationToken)
    {
        var finance = new Platform.Finance.V1.FinanceService.FinanceServiceClient(gateway);
        var budget = await finance.GetBudgetAsync(new Platform.Finance.V1.GetBudgetRequest { Name = name }, cancellationToken: cancellationToken);
        if (budget.State == Platform.Finance.V1.Budget.Types.State.Approved) return 0;
        await finance.ApproveBudgetAsync(new Platform.Finance.V1.ApproveBudgetRequest { Name = name }, cancellationToken: cancellationToken);
        return 1;
    }

    private static async Task<IReadOnlyDictionary<string, long>> ImportAsync(GrpcChannel gateway, Entry entry, string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        var header = new ImportChunk
        {
            Kind = entry.Kind, Parent = entry.Parent, Mode = ImportMode.Commit, FileName = Path.GetFileName(path),
            RequestId = $"demo:{entry.File}",
        };
        var result = await ImportClient.RunAsync(gateway, header, file, progress: null, cancellationToken);
        if (!result.Summary.Committed)
            throw new InvalidDataException($"{entry.File} was not imported: {result.Summary.ProblemCount} problems, the first: "
                + string.Join("; ", result.Problems.Take(5).Select(p => $"row {p.Row} {p.Column}: {p.Message}")));
        return result.Summary.Replayed ? new Dictionary<string, long>() : result.Summary.WrittenByKind;
    }

    private static T Parse<T>(string path) where T : IMessage<T>, new() =>
        JsonParser.Default.Parse<T>(File.ReadAllText(path));

    private static async Task<long> CreateAsync<T>(Func<AsyncUnaryCall<T>> call) => await DemoData.CreateAsync(call);
}
