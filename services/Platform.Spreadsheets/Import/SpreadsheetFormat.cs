namespace Platform.Spreadsheets.Import;

/// <summary>The file formats read and written.</summary>
public enum SpreadsheetFormat
{
    Csv,
    Xlsx,
}

public static class SpreadsheetFormats
{
    /// <summary>From a file name's extension (<c>.csv</c>, <c>.txt</c>, <c>.xlsx</c>); null for anything else.</summary>
    public static SpreadsheetFormat? FromFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => SpreadsheetFormat.Csv,
        ".xlsx" or ".xlsm" => SpreadsheetFormat.Xlsx,
        _ => null,
    };

    /// <summary>From the first bytes: an XLSX is a zip (<c>PK\x03\x04</c>); anything else is read as CSV.</summary>
    public static SpreadsheetFormat FromContent(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04
            ? SpreadsheetFormat.Xlsx
            : SpreadsheetFormat.Csv;

    /// <summary>The format of a seekable stream's first bytes; the stream is left where it was.</summary>
    public static SpreadsheetFormat FromContent(Stream seekable)
    {
        Span<byte> head = stackalloc byte[4];
        var start = seekable.Position;
        var read = seekable.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        seekable.Position = start;
        return FromContent(head[..read]);
    }

    public static string ContentType(this SpreadsheetFormat format) => format switch
    {
        SpreadsheetFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "text/csv",
    };
}
