using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Spreadsheets.Reading;

/// <summary>
/// Reads one <c>&lt;row&gt;</c> from an OpenXmlReader event by event, without building its elements: each cell's
/// reference and type from its attributes, its stored value or inline text from the text events.
/// </summary>
internal static class XlsxRowReader
{
    /// <summary>The most text one row may hold, as for a CSV record.</summary>
    public const int MaxRowChars = 4 * 1024 * 1024;

    /// <summary>Excel's last column is XFD, the 16,384th.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Called with the reader on a row's start; leaves it on the row's end (an empty element has both events).</summary>
    public static (int? Number, RawCell[] Cells) Read(OpenXmlReader reader, List<string> sharedStrings)
    {
        var number = AttributeValue(reader, "r") is { } r && int.TryParse(r, out var parsed) ? parsed : (int?)null;
        var cells = new List<RawCell>();
        CellState cell = default;
        var inInline = false;
        var inPhonetic = false;
        var chars = 0L;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Row) && reader.IsEndElement) break;
            if (type == typeof(Cell))
            {
                if (reader.IsStartElement) cell = new CellState(XlsxText.ColumnIndex(AttributeValue(reader, "r")) ?? cells.Count, AttributeValue(reader, "t"));
                if (reader.IsEndElement)
                {
                    var raw = cell.ToRaw(sharedStrings, number);
                    if ((chars += raw.Text.Length) > MaxRowChars || cell.Column >= MaxColumns)
                        throw new UnreadableFileException(Problems.ProblemCodes.FileTooLarge, Problems.ProblemMessages.FileTooLarge, number);
                    Place(cells, cell.Column, raw);
                }
            }
            else if (type == typeof(InlineString)) inInline = reader.IsStartElement;
            else if (type == typeof(PhoneticRun)) inPhonetic = reader.IsStartElement;
            else if (type == typeof(CellValue) && reader.IsStartElement) cell.Stored = reader.GetText();
            else if (type == typeof(Text) && reader.IsStartElement && inInline && !inPhonetic) cell.Inline = string.Concat(cell.Inline, reader.GetText());
        }
        return (number, [.. cells]);
    }

    private static void Place(List<RawCell> cells, int column, RawCell value)
    {
        while (cells.Count < column) cells.Add(RawCell.FromText(""));
        if (column < cells.Count) cells[column] = value; else cells.Add(value);
    }

    private static string? AttributeValue(OpenXmlReader reader, string localName)
    {
        foreach (var attribute in reader.Attributes)
            if (attribute.LocalName == localName && string.IsNullOrEmpty(attribute.NamespaceUri)) return attribute.Value;
        return null;
    }

    private struct CellState(int column, string? type)
    {
        public readonly int Column = column;
        public string? Stored;
        public string? Inline;

        public readonly RawCell ToRaw(List<string> sharedStrings, int? row)
        {
            var stored = Stored ?? "";
            return type switch
            {
                null or "n" => stored.Length == 0 ? RawCell.FromText("") : new RawCell(stored, CellType.Number),
                "s" => int.TryParse(stored, out var index) && index >= 0 && index < sharedStrings.Count
                    ? RawCell.FromText(sharedStrings[index])
                    : throw new UnreadableFileException(Problems.ProblemCodes.UnreadableFile, Problems.ProblemMessages.UnreadableXlsx, row),
                "inlineStr" => RawCell.FromText(Inline ?? stored),
                "b" => new RawCell(stored, CellType.Boolean),
                "e" => new RawCell(stored, CellType.Error),
                "d" => new RawCell(stored, CellType.IsoDate),
                _ => RawCell.FromText(stored), // "str": a formula's text result
            };
        }
    }
}
