using System.Text;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Schema;

namespace Platform.Spreadsheets.Tests;

/// <summary>Reads test files into rows and problems.</summary>
internal static class Files
{
    public static MemoryStream Utf8(string text, bool bom = false) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    public static async Task<(List<ImportRow> Rows, List<ImportProblem> Problems, TableImport Import)> ReadAsync(
        Stream file, SpreadsheetFormat format, ImportOptions? options = null, TableSchema? schema = null)
    {
        var import = await TableImport.OpenAsync(file, format, schema ?? TestSchemas.Budget, options, Deadline.Token);
        var rows = new List<ImportRow>();
        await foreach (var row in import.ReadRowsAsync(Deadline.Token)) rows.Add(row);
        var problems = import.FileProblems.Concat(rows.SelectMany(r => r.Problems)).ToList();
        return (rows, problems, import);
    }

    public static Task<(List<ImportRow> Rows, List<ImportProblem> Problems, TableImport Import)> ReadCsvAsync(string text, ImportOptions? options = null) =>
        ReadAsync(Utf8(text), SpreadsheetFormat.Csv, options);
}

/// <summary>A token that ends a test stuck reading, rather than none at all.</summary>
internal static class Deadline
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
