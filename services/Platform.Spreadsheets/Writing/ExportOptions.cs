using Platform.Spreadsheets.Values;

namespace Platform.Spreadsheets.Writing;

public enum HeaderLanguage
{
    Italian,
    English,
}

/// <summary>How a file is written. The defaults suit Excel in Italy: Italian headers, <c>1234,56</c>, <c>;</c>, <c>31/12/2022</c>.</summary>
public sealed record ExportOptions
{
    public HeaderLanguage Headers { get; init; } = HeaderLanguage.Italian;

    /// <summary>How numbers are written as text: every CSV number, and XLSX numbers too long for a number cell.</summary>
    public NumberFormat NumberFormat { get; init; } = NumberFormat.Italian;

    /// <summary>The CSV delimiter; by default <c>;</c> with Italian numbers and <c>,</c> with plain ones.</summary>
    public char? Delimiter { get; init; }

    /// <summary>The XLSX sheet's name.</summary>
    public string SheetName { get; init; } = "Foglio1";

    internal NumberFormat TextNumbers => NumberFormat == NumberFormat.Plain ? NumberFormat.Plain : NumberFormat.Italian;

    internal char CsvDelimiter => Delimiter ?? (TextNumbers == NumberFormat.Italian ? ';' : ',');
}
