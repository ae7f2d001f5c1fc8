using Platform.Spreadsheets.Reading;
using Platform.Spreadsheets.Schema;

namespace Platform.Spreadsheets.Import;

internal enum RowPlace { Skipped, Header, Data }

/// <summary>Follows the sheets of a file: a sheet's first non-blank row is its header; blank rows and unread sheets are skipped.</summary>
internal sealed class SheetTracker(TableSchema schema, IReadOnlyCollection<string>? sheetsToRead)
{
    private bool started;
    private string? sheet;

    public HeaderMap? Header { get; private set; }

    public bool SawHeader { get; private set; }

    /// <summary>The sheets asked for that gave no header row: absent from the file, or empty.</summary>
    public IEnumerable<string> MissingSheets => sheetsToRead?.Where(s => !sheetsWithHeader.Contains(s)) ?? [];

    private readonly HashSet<string> sheetsWithHeader = new(StringComparer.Ordinal);

    public RowPlace Place(RawRow row)
    {
        if (!started || row.Sheet != sheet)
        {
            (started, sheet, Header) = (true, row.Sheet, null);
        }
        if (row.Sheet is not null && sheetsToRead is not null && !sheetsToRead.Contains(row.Sheet)) return RowPlace.Skipped;
        if (row.IsBlank) return RowPlace.Skipped;
        if (Header is not null) return RowPlace.Data;
        Header = HeaderMap.Read(row, schema);
        SawHeader = true;
        if (row.Sheet is not null) sheetsWithHeader.Add(row.Sheet);
        return RowPlace.Header;
    }
}
