using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Launcher.Demo;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using static Platform.Spreadsheets.Schema.ColumnDefinition;

namespace Objectives.Tests;

/// <summary>
/// The Cremona plans as the launcher loads them: the Objectives service's files of <c>data/demo/import/manifest.csv</c>,
/// the plan created from its <c>piano.json</c>, then its objectives and progress reports committed through the
/// streamed <c>ImportFile</c>.
/// </summary>
public static class CremonaDemo
{
    private static readonly TableSchema Manifest = new(
        RequiredColumn("kind", ColumnKind.Code, "kind", "Kind"),
        OptionalColumn("parent", ColumnKind.Text, "parent", "Parent"),
        RequiredColumn("file", ColumnKind.Text, "file", "File"));

    public static string Folder { get; } = Path.GetDirectoryName(DemoFiles.Find("data/demo/import/manifest.csv", AppContext.BaseDirectory)
        ?? throw new FileNotFoundException("data/demo/import/manifest.csv"))!;

    /// <summary>Creates the plan and commits its files (request ids fixed per file, so loading again imports nothing); the summaries by kind.</summary>
    public static async Task<IReadOnlyList<ImportSummary>> LoadAsync(ObjectivesService.ObjectivesServiceClient client, string planId,
        CancellationToken cancellationToken)
    {
        var summaries = new List<ImportSummary>();
        foreach (var (kind, parent, file) in await EntriesAsync(planId, cancellationToken))
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

    private static async Task<List<(string Kind, string Parent, string File)>> EntriesAsync(string planId, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(Path.Combine(Folder, "manifest.csv"));
        await using var table = await TableImport.OpenAsync(file, SpreadsheetFormat.Csv, Manifest, cancellationToken: cancellationToken);
        var entries = new List<(string, string, string)>();
        await foreach (var row in table.ReadRowsAsync(cancellationToken))
            if (row.Text("kind") is "objectives" or "progress-reports" && row.Text("parent") == $"plans/{planId}"
                || row.Text("kind") == "plan" && row.Text("file")!.StartsWith(planId + "/", StringComparison.Ordinal))
                entries.Add((row.Text("kind")!, row.Text("parent") ?? "", row.Text("file")!));
        return entries;
    }
}
