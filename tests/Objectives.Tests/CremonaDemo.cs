using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Launcher.Demo;

namespace Objectives.Tests;

/// <summary>
/// The Cremona plans as the launcher loads them: the Objectives service's files of <c>data/demo/import/manifest.csv</c>,
/// the plan created from its <c>piano.json</c>, then its objectives and progress reports committed through the
/// streamed <c>ImportFile</c>.
/// </summary>
public static class CremonaDemo
{
    public static string Folder { get; } = Path.GetDirectoryName(DemoFiles.Find("data/demo/import/manifest.csv", AppContext.BaseDirectory)
        ?? throw new FileNotFoundException("data/demo/import/manifest.csv"))!;

    /// <summary>Creates the plan and commits its files (request ids fixed per file, so loading again imports nothing); the summaries by kind.</summary>
    public static async Task<IReadOnlyList<ImportSummary>> LoadAsync(ObjectivesService.ObjectivesServiceClient client, string planId,
        CancellationToken cancellationToken)
    {
        var summaries = new List<ImportSummary>();
        foreach (var (kind, parent, file) in Entries(planId))
        {
            var path = Path.Combine(Folder, file);
            if (kind == "plan")
            {
                try
                {
                    await client.CreatePlanAsync(JsonParser.Default.Parse<CreatePlanRequest>(await File.ReadAllTextAsync(path, cancellationToken)),
                        cancellationToken: cancellationToken);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists) { }
                continue;
            }
            summaries.Add(await ImportAsync(client, new ImportChunk
            {
                Parent = parent, Kind = kind, Mode = ImportMode.Commit, RequestId = $"demo:{file}", FileName = Path.GetFileName(file),
            }, await File.ReadAllBytesAsync(path, cancellationToken), cancellationToken));
        }
        return summaries;
    }

    private static async Task<ImportSummary> ImportAsync(ObjectivesService.ObjectivesServiceClient client, ImportChunk header, byte[] content,
        CancellationToken cancellationToken)
    {
        var events = await ImportCalls.StreamAsync(client.ImportFile(cancellationToken: cancellationToken), header, content, 64 * 1024, cancellationToken);
        Assert.True(events[^1].Summary.Committed, $"{header.FileName}:\n{ImportCalls.Describe(events)}");
        return events[^1].Summary;
    }

    /// <summary>The manifest's entries of one plan: its plan file, then its objectives and progress reports.</summary>
    private static List<(string Kind, string Parent, string File)> Entries(string planId) =>
        [.. DemoManifest.Read(Path.Combine(Folder, "manifest.csv"))
            .Where(e => e.Kind is "objectives" or "progress-reports" && e.Parent == $"plans/{planId}"
                || e.Kind == "plan" && e.File.StartsWith(planId + "/", StringComparison.Ordinal))
            .Select(e => (e.Kind, e.Parent, e.File))];
}
