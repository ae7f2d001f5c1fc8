using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Schema;

namespace Platform.Spreadsheets.Import;

/// <summary>
/// One data row, its values read by the schema (null where blank or unreadable) and the problems found in it.
/// Values are <see cref="string"/> (text, code), <see cref="long"/>, <see cref="decimal"/> or <see cref="DateOnly"/>.
/// </summary>
public sealed class ImportRow
{
    private readonly TableSchema schema;
    private readonly object?[] values;

    private readonly IReadOnlyList<MemberValue> members;

    internal ImportRow(TableSchema schema, string? sheet, int rowNumber, object?[] values, IReadOnlyList<MemberValue> members,
        IReadOnlyList<ImportProblem> problems)
    {
        this.schema = schema;
        this.values = values;
        this.members = members;
        Sheet = sheet;
        RowNumber = rowNumber;
        Problems = problems;
    }

    /// <summary>The sheet's name; null for CSV.</summary>
    public string? Sheet { get; }

    /// <summary>The row as the spreadsheet numbers it (the header is row 1).</summary>
    public int RowNumber { get; }

    public IReadOnlyList<ImportProblem> Problems { get; }

    public bool HasProblems => Problems.Count > 0;

    public object? this[string column] => values[schema.IndexOf(column)];

    public string? Text(string column) => (string?)this[column];

    public long? Integer(string column) => (long?)this[column];

    public decimal? Decimal(string column) => (decimal?)this[column];

    public DateOnly? Date(string column) => (DateOnly?)this[column];

    /// <summary>The non-blank cells of a column family (<see cref="ColumnFamily"/>), by key, in file order.</summary>
    public IEnumerable<KeyValuePair<string, object>> Family(string family) =>
        members.Where(m => m.Family == family).Select(m => KeyValuePair.Create(m.Key, m.Value));
}

/// <summary>A non-blank cell of a column family: the family's name, the key its header gives, the value read.</summary>
internal sealed record MemberValue(string Family, string Key, object Value);
