using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Imports.V1;
using Platform.Launcher.Imports;
using Platform.Objectives.V1;

namespace Platform.Launcher.Bundles;

/// <summary>Writes a plan to a bundle and reads a bundle into a plan, through the public contracts only.</summary>
public static class PlanBundles
{
    public static async Task<PlanBundle> ExportAsync(GrpcChannel gateway, string planName, CancellationToken cancellationToken)
    {
        var plan = await new ObjectivesService.ObjectivesServiceClient(gateway)
            .GetPlanAsync(new GetPlanRequest { Name = planName }, cancellationToken: cancellationToken);
        var tables = new List<BundleTable>();
        foreach (var kind in ExportKinds.PlanKinds)
        {
            if (ExportKinds.Find(kind) is not { } export) continue;
            var file = await export(gateway, new ExportRequest
            {
                Parent = planName, Kind = kind, Format = FileFormat.Csv, NumberFormat = NumberFormat.Plain,
            }, new CallOptions(cancellationToken: cancellationToken));
            tables.Add(new BundleTable(kind, $"{kind}.csv", Encoding.UTF8.GetString(file.Data.Span).TrimStart('\uFEFF')));
        }
        return new PlanBundle
        {
            CreateTime = DateTimeOffset.UtcNow,
            Source = planName,
            Plan = JsonDocument.Parse(JsonFormatter.Default.Format(plan)).RootElement.Clone(),
            Tables = tables,
        };
    }

    /// <summary>
    /// Creates the plan as <paramref name="planId"/> and imports its tables in order, each committed in one
    /// transaction of its service; the request ids come from the bundle, so running it again writes nothing twice.
    /// Then the plan gets the source's state and publication.
    /// </summary>
    public static async Task<IReadOnlyList<ImportResult>> ImportAsync(GrpcChannel gateway, PlanBundle bundle, string planId,
        Action<string> log, CancellationToken cancellationToken)
    {
        var objectives = new ObjectivesService.ObjectivesServiceClient(gateway);
        var source = JsonParser.Default.Parse<Plan>(bundle.Plan.GetRawText());
        var plan = new Plan
        {
            Title = source.Title, Kind = source.Kind, StartYear = source.StartYear, EndYear = source.EndYear,
            Description = source.Description, Levels = { source.Levels }, FreeChildCodes = source.FreeChildCodes,
        };
        var name = $"plans/{planId}";
        try
        {
            await objectives.CreatePlanAsync(new CreatePlanRequest { PlanId = planId, Plan = plan }, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            log($"{name} exists already: its tables are imported with the bundle's request ids (a second run writes nothing)");
        }
        var results = new List<ImportResult>();
        foreach (var table in bundle.Tables)
        {
            var header = new ImportChunk
            {
                Parent = name, Kind = table.Kind, Mode = ImportMode.Commit, FileName = table.FileName, NumberFormat = NumberFormat.Plain,
                RequestId = $"bundle:{bundle.Source}:{bundle.CreateTime.ToUnixTimeMilliseconds()}:{planId}:{table.Kind}",
            };
            using var content = new MemoryStream(Encoding.UTF8.GetBytes(table.Csv), writable: false);
            var result = await ImportClient.RunAsync(gateway, header, content, progress: null, cancellationToken);
            results.Add(result);
            log($"{table.Kind}: {(result.Summary.Committed ? "importato" : $"{result.Summary.ProblemCount} problemi, nulla scritto")}");
            if (!result.Summary.Committed) return results;
        }
        await RestoreLifecycleAsync(objectives, name, source, cancellationToken);
        return results;
    }

    private static async Task RestoreLifecycleAsync(ObjectivesService.ObjectivesServiceClient objectives, string name, Plan source, CancellationToken cancellationToken)
    {
        var plan = await objectives.GetPlanAsync(new GetPlanRequest { Name = name }, cancellationToken: cancellationToken);
        if (source.State > plan.State)
            plan = await objectives.TransitionPlanAsync(new TransitionPlanRequest { Name = name, State = source.State, Etag = plan.Etag }, cancellationToken: cancellationToken);
        if (source.Published && !plan.Published)
            await objectives.PublishPlanAsync(new PublishPlanRequest { Name = name, Published = true, Etag = plan.Etag }, cancellationToken: cancellationToken);
    }
}
