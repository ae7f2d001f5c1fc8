namespace Platform.Spreadsheets.Reading;

/// <summary>What a file stores in a cell before the schema reads it.</summary>
internal enum CellType
{
    /// <summary>Text as the user typed it (every CSV cell; XLSX strings).</summary>
    Text,
    /// <summary>An XLSX number in its stored invariant form, e.g. <c>1234.56</c> or <c>4.5E-2</c> (dates are numbers too).</summary>
    Number,
    /// <summary>An XLSX boolean, <c>0</c> or <c>1</c>.</summary>
    Boolean,
    /// <summary>An XLSX ISO 8601 date (<c>t="d"</c>).</summary>
    IsoDate,
    /// <summary>An XLSX error such as <c>#N/A</c>.</summary>
    Error,
}

internal readonly record struct RawCell(string Text, CellType Type)
{
    public bool IsBlank => Type == CellType.Text && string.IsNullOrWhiteSpace(Text);

    public static RawCell FromText(string text) => new(text, CellType.Text);
}

/// <summary>One row of a sheet (no sheet for CSV); <see cref="Number"/> is the row as the spreadsheet shows it (first row = 1).</summary>
internal sealed record RawRow(string? Sheet, int Number, IReadOnlyList<RawCell> Cells)
{
    public bool IsBlank => Cells.All(c => c.IsBlank);

    public RawCell this[int column] => column < Cells.Count ? Cells[column] : RawCell.FromText("");
}

/// <summary>A file read row by row, every sheet in turn; a new sheet starts when <see cref="RawRow.Sheet"/> changes.</summary>
internal interface ITableSource
{
    IAsyncEnumerable<RawRow> ReadRowsAsync(CancellationToken cancellationToken);

    /// <summary>Whether date serials count from 1904 (an XLSX setting, known once the first row is read).</summary>
    bool Date1904 { get; }
}

/// <summary>The file could not be read any further; the message is for the user.</summary>
internal sealed class UnreadableFileException(string code, string message, int? row, Exception? inner = null)
    : Exception(message, inner)
{
    public string Code { get; } = code;
    public int? Row { get; } = row;
    public string? Sheet { get; init; }
}
