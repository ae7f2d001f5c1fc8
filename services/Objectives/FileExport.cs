using Google.Api;
using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using Platform.Spreadsheets.Writing;
using SheetNumberFormat = Platform.Spreadsheets.Values.NumberFormat;

namespace Platform.Objectives;

/// <summary>An export's rows as the file an <see cref="ExportRequest"/> asks for: CSV (default) or XLSX, Italian or English headers.</summary>
public static class FileExport
{
    public static void Validate(ExportRequest request, string kind)
    {
        var validator = new RequestValidator();
        validator.Check(request.Kind.Length == 0 || request.Kind == kind, "kind", $"must be {kind}");
        validator.Check(Enum.IsDefined(request.Format), "format", "must be CSV or XLSX");
        validator.Check(Enum.IsDefined(request.NumberFormat), "number_format", "must be ITALIAN or PLAIN");
        validator.ThrowIfInvalid();
    }

    public static async Task<HttpBody> WriteAsync(ExportRequest request, TableSchema schema, IEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken ct)
    {
        var format = request.Format == FileFormat.Xlsx ? SpreadsheetFormat.Xlsx : SpreadsheetFormat.Csv;
        var options = new ExportOptions
        {
            Headers = request.EnglishHeaders ? HeaderLanguage.English : HeaderLanguage.Italian,
            NumberFormat = request.NumberFormat == Imports.V1.NumberFormat.Plain ? SheetNumberFormat.Plain : SheetNumberFormat.Italian,
        };
        using var file = new MemoryStream();
        await TableExport.WriteAsync(file, format, schema, rows.ToAsyncEnumerable(), options, ct);
        return new HttpBody { ContentType = format.ContentType(), Data = ByteString.CopyFrom(file.GetBuffer(), 0, (int)file.Length) };
    }
}
