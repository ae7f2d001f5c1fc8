using System.Text;
using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using Platform.Spreadsheets.Writing;

namespace Objectives.Tests;

/// <summary>Import and export calls of the Objectives service, through gRPC or REST, for either kind.</summary>
public sealed class ObjectiveFileCalls(ObjectivesService.ObjectivesServiceClient grpc, HttpClient rest, CancellationToken cancellation)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <summary>The REST collection of a kind under a plan: <c>objectives</c> or <c>objectives/-/reports</c>.</summary>
    public static string RestCollection(string kind) => kind == "objectives" ? "objectives" : "objectives/-/reports";

    public async Task<List<ImportEvent>> ImportAsync(bool overRest, ImportChunk chunk)
    {
        if (overRest)
        {
            var body = chunk.Clone();
            body.Parent = ""; // in the path
            var response = await rest.PostJsonAsync($"/v1/{chunk.Parent}/{RestCollection(chunk.Kind)}:import", JsonFormatter.Default.Format(body), cancellation);
            var text = await response.Content.ReadAsStringAsync(cancellation);
            Assert.True(response.IsSuccessStatusCode, text);
            return ImportCalls.RestEvents(text).Select(e => Parser.Parse<ImportEvent>(e.GetRawText())).ToList();
        }
        return [.. await ImportCalls.EventsAsync(chunk.Kind == "objectives" ? grpc.ImportObjectives(chunk, cancellationToken: cancellation)
            : grpc.ImportProgressReports(chunk, cancellationToken: cancellation), cancellation)];
    }

    public async Task<byte[]> ExportAsync(bool overRest, string kind, string plan, FileFormat format)
    {
        if (overRest)
        {
            var response = await rest.GetAsync($"/v1/{plan}/{RestCollection(kind)}:export?format={format.ToString().ToUpperInvariant()}", cancellation);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(cancellation));
            return await response.Content.ReadAsByteArrayAsync(cancellation);
        }
        var request = new ExportRequest { Parent = plan, Format = format };
        var body = kind == "objectives" ? await grpc.ExportObjectivesAsync(request, cancellationToken: cancellation)
            : await grpc.ExportProgressReportsAsync(request, cancellationToken: cancellation);
        return body.Data.ToByteArray();
    }
}

/// <summary>A table typed by a clerk (a header row, then rows of cell texts) as the bytes of a CSV or an XLSX file.</summary>
public static class TypedFile
{
    public static async Task<byte[]> BytesAsync(FileFormat format, IReadOnlyList<string?[]> table)
    {
        if (format == FileFormat.Csv)
            return Encoding.UTF8.GetBytes(string.Join("\n", table.Select(r => string.Join(';', r.Select(Quoted)))) + "\n");
        // Every cell a text cell, as typed into a sheet formatted as text.
        var schema = new TableSchema(table[0].Select((h, i) => ColumnDefinition.OptionalColumn($"c{i}", ColumnKind.Text, h!, $"column {i}")).ToList());
        using var file = new MemoryStream();
        await TableExport.WriteAsync(file, SpreadsheetFormat.Xlsx, schema, table.Skip(1).Select(r => (IReadOnlyList<object?>)r).ToAsyncEnumerable());
        return file.ToArray();
    }

    private static string Quoted(string? cell) =>
        cell is null ? "" : cell.IndexOfAny([';', '"', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
