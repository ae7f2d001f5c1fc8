using Google.Api;
using Google.Protobuf;
using Platform.Imports.V1;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using Platform.Spreadsheets.Writing;
using SheetNumberFormat = Platform.Spreadsheets.Values.NumberFormat;

namespace Platform.ServiceDefaults.Imports;

/// <summary>A kind's rows written as the file its import reads back (<c>ExportX</c> RPCs answer it as <c>google.api.HttpBody</c>).</summary>
public static class FileExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Refuses a request for another kind or an unknown format; callers may check before reading their rows.</summary>
    public static void Validate(ExportRequest request, string kind)
    {
        var validator = new RequestValidator();
        validator.Check(request.Kind.Length == 0 || request.Kind == kind, "kind", $"must be {kind}");
        validator.Check(Enum.IsDefined(request.Format), "format", "must be CSV or XLSX");
        validator.Check(Enum.IsDefined(request.NumberFormat), "number_format", "must be ITALIAN or PLAIN");
        validator.ThrowIfInvalid();
    }

    public static async Task<HttpBody> WriteAsync(ExportRequest request, string kind, TableSchema schema, IEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken ct)
    {
        Validate(request, kind);
        var xlsx = request.Format == FileFormat.Xlsx;
        var options = new ExportOptions
        {
            Headers = request.EnglishHeaders ? HeaderLanguage.English : HeaderLanguage.Italian,
            NumberFormat = request.NumberFormat == Platform.Imports.V1.NumberFormat.Plain ? SheetNumberFormat.Plain : SheetNumberFormat.Italian,
        };
        using var output = new MemoryStream();
        await TableExport.WriteAsync(output, xlsx ? SpreadsheetFormat.Xlsx : SpreadsheetFormat.Csv, schema, rows.ToAsyncEnumerable(), options, ct);
        return new HttpBody { ContentType = xlsx ? XlsxType : CsvType, Data = ByteString.CopyFrom(output.GetBuffer(), 0, (int)output.Length) };
    }
}
