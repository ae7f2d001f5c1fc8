using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Reading;
using Platform.Spreadsheets.Schema;

namespace Platform.Spreadsheets.Import;

/// <summary>
/// Which file column holds which schema column, read from a sheet's header row, with the problems of that row:
/// a required column missing, a header no column answers to, a column given twice (the first one counts).
/// </summary>
internal sealed class HeaderMap
{
    private readonly int?[] fileColumnBySchemaColumn;
    private readonly string?[] headerBySchemaColumn;

    private HeaderMap(int?[] fileColumns, string?[] headers, List<ImportProblem> problems)
    {
        fileColumnBySchemaColumn = fileColumns;
        headerBySchemaColumn = headers;
        Problems = problems;
    }

    public IReadOnlyList<ImportProblem> Problems { get; }

    public static HeaderMap Read(RawRow header, TableSchema schema)
    {
        var fileColumns = new int?[schema.Columns.Count];
        var headers = new string?[schema.Columns.Count];
        var problems = new List<ImportProblem>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Text.Trim();
            if (text.Length == 0) continue;
            if (schema.ColumnForHeader(text) is not { } column)
                problems.Add(ImportProblem.Create(ProblemCodes.UnknownColumn, header.Sheet, header.Number, text, null, ProblemMessages.UnknownColumn(text)));
            else if (fileColumns[column] is not null)
                problems.Add(ImportProblem.Create(ProblemCodes.DuplicateColumn, header.Sheet, header.Number, text, null, ProblemMessages.DuplicateColumn(text, headers[column]!)));
            else
                (fileColumns[column], headers[column]) = (i, text);
        }
        for (var column = 0; column < schema.Columns.Count; column++)
        {
            var definition = schema.Columns[column];
            if (definition.Required && fileColumns[column] is null)
                problems.Add(ImportProblem.Create(ProblemCodes.MissingColumn, header.Sheet, header.Number, definition.ItalianHeader, null,
                    ProblemMessages.MissingColumn(definition.ItalianHeader)));
        }
        return new HeaderMap(fileColumns, headers, problems);
    }

    /// <summary>The file column of a schema column, when the file has it.</summary>
    public int? FileColumn(int schemaColumn) => fileColumnBySchemaColumn[schemaColumn];

    /// <summary>The header as the file writes it, or the Italian header for a column the file lacks.</summary>
    public string Header(int schemaColumn, TableSchema schema) =>
        headerBySchemaColumn[schemaColumn] ?? schema.Columns[schemaColumn].ItalianHeader;
}
