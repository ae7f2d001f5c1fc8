using System.Runtime.CompilerServices;
using System.Text;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using Sylvan.Data.Csv;

namespace Platform.Spreadsheets.Writing;

/// <summary>
/// Writes rows (values in the schema's column order) as CSV or XLSX, streaming: one row in memory at a time.
/// What it writes, <see cref="TableImport"/> reads back to the same values.
/// </summary>
public static class TableExport
{
    public static Task WriteAsync(Stream output, SpreadsheetFormat format, TableSchema schema, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        ExportOptions? options = null, CancellationToken cancellationToken = default) => format switch
    {
        SpreadsheetFormat.Csv => WriteCsvAsync(output, schema, rows, options, cancellationToken),
        SpreadsheetFormat.Xlsx => XlsxTableWriter.WriteAsync(output, schema, rows, options ?? new ExportOptions(), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>UTF-8 with a byte order mark (so Excel shows accents right), CRLF line ends.</summary>
    public static async Task WriteCsvAsync(Stream output, TableSchema schema, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ExportOptions();
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        var headers = schema.Columns.Select(c => ValueText.Header(c, options.Headers)).ToArray();
        await using var formatted = Formatted(schema, rows, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var reader = new TextRowsDataReader(headers, formatted);
        await using var csv = CsvDataWriter.Create(text, new CsvDataWriterOptions { Delimiter = options.CsvDelimiter, NewLine = "\r\n" });
        await csv.WriteAsync(reader, cancellationToken);
        await text.FlushAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<string[]> Formatted(TableSchema schema, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        ExportOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            RowShape.Check(row, schema);
            var cells = new string[schema.Columns.Count];
            for (var i = 0; i < cells.Length; i++) cells[i] = ValueText.Format(row[i], schema.Columns[i], options.TextNumbers);
            yield return cells;
        }
    }
}

internal static class RowShape
{
    public static void Check(IReadOnlyList<object?> row, TableSchema schema)
    {
        if (row.Count != schema.Columns.Count)
            throw new ArgumentException($"A row has {row.Count} values for {schema.Columns.Count} columns.", nameof(row));
    }
}
