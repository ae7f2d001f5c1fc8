using Platform.Spreadsheets.Values;

namespace Platform.Spreadsheets.Import;

/// <summary>How a caller wants a file read.</summary>
public sealed record ImportOptions
{
    /// <summary>The file's number format, or <see cref="NumberFormat.Detect"/> to detect it from the content.</summary>
    public NumberFormat NumberFormat { get; init; } = NumberFormat.Detect;

    /// <summary>Canonical names of the columns that identify a row; a second row with the same values is a problem.</summary>
    public IReadOnlyList<string> DuplicateKey { get; init; } = [];

    /// <summary>XLSX sheets to read by name; null reads every visible sheet (each with its own header row).</summary>
    public IReadOnlyCollection<string>? Sheets { get; init; }

    /// <summary>Count the data rows before reading them (one more pass), so progress can show a total.</summary>
    public bool CountRows { get; init; }
}
