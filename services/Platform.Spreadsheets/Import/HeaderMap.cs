using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Reading;
using Platform.Spreadsheets.Schema;

namespace Platform.Spreadsheets.Import;

/// <summary>
/// Which file column holds which schema column, read from a sheet's header row, with the problems of that row:
/// a required column missing, a header no column answers to, a column given twice (the first one counts).
/// Headers of a column family become <see cref="Members"/>, in file order.
/// </summary>
internal sealed class HeaderMap
{
    private readonly int?[] fileColumnBySchemaColumn;
    private readonly string?[] headerBySchemaColumn;

    private HeaderMap(int?[] fileColumns, string?[] headers, List<FamilyMember> members, List<ImportProblem> problems)
    {
        fileColumnBySchemaColumn = fileColumns;
        headerBySchemaColumn = headers;
        Members = members;
        Problems = problems;
    }

    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>The file's columns that belong to a family of the schema.</summary>
    public IReadOnlyList<FamilyMember> Members { get; }

    public static HeaderMap Read(RawRow header, TableSchema schema)
    {
        var fileColumns = new int?[schema.Columns.Count];
        var headers = new string?[schema.Columns.Count];
        var problems = new List<ImportProblem>();
        var members = new List<FamilyMember>();
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var text = header.Cells[i].Text.Trim();
            if (text.Length == 0) continue;
            var column = schema.ColumnForHeader(text);
            if (column is null && schema.FamilyForHeader(text) is { } family)
                AddMember(new FamilyMember(family.Family, family.Key, i, text), members, problems, header);
            else if (column is null)
                problems.Add(ImportProblem.Create(ProblemCodes.UnknownColumn, header.Sheet, header.Number, text, null, ProblemMessages.UnknownColumn(text)));
            else if (fileColumns[column.Value] is not null)
                problems.Add(ImportProblem.Create(ProblemCodes.DuplicateColumn, header.Sheet, header.Number, text, null, ProblemMessages.DuplicateColumn(text, headers[column.Value]!)));
            else
                (fileColumns[column.Value], headers[column.Value]) = (i, text);
        }
        for (var column = 0; column < schema.Columns.Count; column++)
        {
            var definition = schema.Columns[column];
            if (definition.Required && fileColumns[column] is null)
                problems.Add(ImportProblem.Create(ProblemCodes.MissingColumn, header.Sheet, header.Number, definition.ItalianHeader, null,
                    ProblemMessages.MissingColumn(definition.ItalianHeader)));
        }
        return new HeaderMap(fileColumns, headers, members, problems);
    }

    private static void AddMember(FamilyMember member, List<FamilyMember> members, List<ImportProblem> problems, RawRow header)
    {
        if (members.FirstOrDefault(m => m.Family == member.Family && string.Equals(m.Key, member.Key, StringComparison.OrdinalIgnoreCase)) is { } first)
            problems.Add(ImportProblem.Create(ProblemCodes.DuplicateColumn, header.Sheet, header.Number, member.Header, null,
                ProblemMessages.DuplicateColumn(member.Header, first.Header)));
        else
            members.Add(member);
    }

    /// <summary>The file column of a schema column, when the file has it.</summary>
    public int? FileColumn(int schemaColumn) => fileColumnBySchemaColumn[schemaColumn];

    /// <summary>The header as the file writes it, or the Italian header for a column the file lacks.</summary>
    public string Header(int schemaColumn, TableSchema schema) =>
        headerBySchemaColumn[schemaColumn] ?? schema.Columns[schemaColumn].ItalianHeader;
}

/// <summary>A file column of a column family: which family, the key its header gives, where it is, its header.</summary>
internal sealed record FamilyMember(int Family, string Key, int FileColumn, string Header);
