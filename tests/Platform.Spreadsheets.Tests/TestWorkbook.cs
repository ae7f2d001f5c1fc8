using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Spreadsheets.Tests;

/// <summary>
/// Builds XLSX files the way Excel stores them, with OpenXml's DOM (test files are small): strings shared or
/// inline, numbers as stored text, hidden sheets, the 1904 date system.
/// </summary>
internal sealed class TestWorkbook
{
    private readonly List<(string Name, bool Hidden, object?[][] Rows)> sheets = [];

    public bool Date1904 { get; init; }

    /// <summary>A stored number cell (<c>&lt;v&gt;1234.56&lt;/v&gt;</c>), as opposed to a string.</summary>
    public sealed record Number(string Stored);

    public sealed record Inline(string Text);

    public sealed record IsoDate(string Text);

    public sealed record Error(string Text);

    public TestWorkbook Sheet(string name, params object?[][] rows) => Add(name, false, rows);

    public TestWorkbook HiddenSheet(string name, params object?[][] rows) => Add(name, true, rows);

    private TestWorkbook Add(string name, bool hidden, object?[][] rows)
    {
        sheets.Add((name, hidden, rows));
        return this;
    }

    public MemoryStream Build()
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var shared = new List<string>();
            var sheetList = new Sheets();
            uint id = 1;
            foreach (var (name, hidden, rows) in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData(rows.Select((cells, r) => Row(cells, r + 1, shared))));
                sheetList.Append(new Sheet
                {
                    Name = name, SheetId = id++, Id = workbookPart.GetIdOfPart(part),
                    State = hidden ? SheetStateValues.Hidden : null,
                });
            }
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            stringsPart.SharedStringTable = new SharedStringTable(shared.Select(s => new SharedStringItem(new Text(s))));
            workbookPart.Workbook = new Workbook(sheetList);
            if (Date1904) workbookPart.Workbook.WorkbookProperties = new WorkbookProperties { Date1904 = true };
        }
        stream.Position = 0;
        return stream;
    }

    private static Row Row(object?[] cells, int number, List<string> shared)
    {
        var row = new Row { RowIndex = (uint)number };
        for (var c = 0; c < cells.Length; c++)
        {
            var reference = $"{(char)('A' + c)}{number}";
            Cell? cell = cells[c] switch
            {
                null => null,
                string text => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(Share(text, shared)) },
                Inline inline => new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline.Text)) },
                Number n => new Cell { CellReference = reference, CellValue = new CellValue(n.Stored) },
                IsoDate d => new Cell { CellReference = reference, DataType = CellValues.Date, CellValue = new CellValue(d.Text) },
                Error e => new Cell { CellReference = reference, DataType = CellValues.Error, CellValue = new CellValue(e.Text) },
                var other => throw new ArgumentException($"No test cell for {other}"),
            };
            if (cell is not null) row.Append(cell);
        }
        return row;
    }

    private static int Share(string text, List<string> shared)
    {
        var index = shared.IndexOf(text);
        if (index >= 0) return index;
        shared.Add(text);
        return shared.Count - 1;
    }
}
