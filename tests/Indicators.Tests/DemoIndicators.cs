using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Indicators.V1;
using Platform.Launcher.Demo;
using Sylvan.Data.Csv;

namespace Indicators.Tests;

/// <summary>
/// The demo's indicator files (DUP 2023-2025 impact indicators and deficit parameters, the pact's strategic
/// indicators): those <c>data/demo/import/manifest.csv</c> lists with kind <c>indicators</c>, imported through
/// the service's own import as the launcher's demo loader does.
/// </summary>
public static class DemoIndicators
{
    public const string Kind = "indicators";
    public const string Manifest = "data/demo/import/manifest.csv";

    /// <summary>The manifest's indicator files in load order: the plan they link to and the file's full path.</summary>
    public static IReadOnlyList<(string Parent, string Path)> Files()
    {
        var manifest = DemoFiles.Find(Manifest);
        if (manifest is null) return [];
        using var reader = CsvDataReader.Create(manifest, new CsvDataReaderOptions { Delimiter = ';' });
        var files = new List<(string, string)>();
        while (reader.Read())
            if (reader.GetString(reader.GetOrdinal("kind")) == Kind)
                files.Add((reader.GetString(reader.GetOrdinal("parent")),
                    Path.Combine(Path.GetDirectoryName(manifest)!, reader.GetString(reader.GetOrdinal("file")))));
        return files;
    }

    /// <summary>
    /// Commits one file; the request id is the launcher's (<c>demo:</c> and the file), so loading it again
    /// answers the first import and writes nothing. Throws with the file's problems when it does not commit.
    /// </summary>
    public static async Task<ImportSummary> ImportAsync(IndicatorsService.IndicatorsServiceClient client, string parent, string path,
        CancellationToken cancellationToken)
    {
        using var call = client.ImportIndicators(new ImportChunk
        {
            Parent = parent, Kind = Kind, Mode = ImportMode.Commit, RequestId = $"demo:{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}",
            FileName = Path.GetFileName(path), Content = ByteString.CopyFrom(await File.ReadAllBytesAsync(path, cancellationToken)),
        }, cancellationToken: cancellationToken);
        var problems = new List<string>();
        ImportSummary? summary = null;
        while (await call.ResponseStream.MoveNext(cancellationToken))
        {
            var e = call.ResponseStream.Current;
            if (e.Problem is { } p) problems.Add($"row {p.Row} {p.Column}: {p.Message}");
            if (e.Summary is not null) summary = e.Summary;
        }
        if (summary is not { Committed: true })
            throw new InvalidOperationException($"{path} was not imported:\n{string.Join("\n", problems.Take(20))}");
        return summary;
    }
}
