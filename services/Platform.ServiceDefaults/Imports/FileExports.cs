using Google.Api;
using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using Platform.Spreadsheets.Writing;
using SheetNumberFormat = Platform.Spreadsheets.Values.NumberFormat;

namespace Platform.ServiceDefaults.Imports;

/// <summary>An export request's rows written as the file it asks for (CSV by default, Italian numbers and headers).</summary>
public static class FileExports
{
    public static async Task<HttpBody> WriteAsync(ExportRequest request, string kind, TableSchema schema,
        IAsyncEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct)
    {
        var validator = new RequestValidator();
        validator.Check(request.Kind.Length == 0 || request.Kind == kind, "kind", $"must be {kind}");
        validator.Check(request.Format is FileFormat.Unspecified or FileFormat.Csv or FileFormat.Xlsx, "format", "must be CSV or XLSX");
        validator.Check(Enum.IsDefined(request.NumberFormat), "number_format", "must be ITALIAN or PLAIN");
        validator.ThrowIfInvalid();
        var format = request.Format == FileFormat.Xlsx ? SpreadsheetFormat.Xlsx : SpreadsheetFormat.Csv;
        var options = new ExportOptions
        {
            Headers = request.EnglishHeaders ? HeaderLanguage.English : HeaderLanguage.Italian,
            NumberFormat = request.NumberFormat == Platform.Imports.V1.NumberFormat.Plain ? SheetNumberFormat.Plain : SheetNumberFormat.Italian,
        };
        using var output = new MemoryStream();
        await TableExport.WriteAsync(output, format, schema, rows, options, ct);
        return new HttpBody
        {
            ContentType = format == SpreadsheetFormat.Csv ? "text/csv; charset=utf-8" : format.ContentType(),
            Data = ByteString.CopyFrom(output.GetBuffer(), 0, (int)output.Length),
        };
    }
}
