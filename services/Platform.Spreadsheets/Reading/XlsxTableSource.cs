using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Spreadsheets.Problems;

namespace Platform.Spreadsheets.Reading;

/// <summary>
/// An XLSX workbook read with OpenXmlReader one row element at a time, visible sheets in workbook order. Only
/// the shared strings are held; the zip is read from a seekable stream, each sheet decompressed as it streams.
/// </summary>
internal sealed class XlsxTableSource(Stream seekable) : ITableSource
{
    private List<string>? sharedStrings; // read once, kept for every pass

    public bool Date1904 { get; private set; }

    public async IAsyncEnumerable<RawRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        seekable.Position = 0;
        using var document = Open();
        var workbookPart = document.WorkbookPart ?? throw Unreadable(null);
        var (sheets, strings) = ReadWorkbook(workbookPart);
        foreach (var (name, part) in sheets)
        {
            using var reader = OpenXmlReader.Create(part);
            var previousRow = 0;
            Advance(reader, previousRow); // onto the root element
            while (!reader.EOF)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    Advance(reader, previousRow);
                    continue;
                }
                var (number, cells) = ReadRow(reader, strings, name, previousRow);
                previousRow = number ?? previousRow + 1;
                yield return new RawRow(name, previousRow, cells);
                Advance(reader, previousRow);
            }
            await Task.Yield(); // let other work run between sheets; the reads themselves are synchronous
        }
    }

    private SpreadsheetDocument Open()
    {
        try
        {
            return SpreadsheetDocument.Open(seekable, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw Unreadable(null, e);
        }
    }

    private (List<(string Name, WorksheetPart Part)> Sheets, List<string> SharedStrings) ReadWorkbook(WorkbookPart workbookPart)
    {
        try
        {
            var workbook = workbookPart.Workbook;
            Date1904 = workbook.WorkbookProperties?.Date1904?.Value ?? false;
            var sheets = workbook.Sheets?.Elements<Sheet>()
                .Where(sheet => sheet.State is null || sheet.State.Value == SheetStateValues.Visible)
                .Select(sheet => (Name: sheet.Name?.Value ?? "", Part: workbookPart.GetPartById(sheet.Id?.Value ?? "") as WorksheetPart))
                .Where(sheet => sheet.Part is not null)
                .Select(sheet => (sheet.Name, sheet.Part!))
                .ToList() ?? [];
            return (sheets, sharedStrings ??= XlsxText.ReadSharedStrings(workbookPart.SharedStringTablePart));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or ArgumentOutOfRangeException)
        {
            throw Unreadable(null, e);
        }
    }

    private static (int? Number, RawCell[] Cells) ReadRow(OpenXmlReader reader, List<string> sharedStrings, string sheet, int previousRow)
    {
        try
        {
            return XlsxRowReader.Read(reader, sharedStrings);
        }
        catch (UnreadableFileException e)
        {
            throw new UnreadableFileException(e.Code, e.Message, e.Row ?? previousRow + 1, e) { Sheet = sheet };
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or FormatException)
        {
            throw new UnreadableFileException(ProblemCodes.UnreadableFile, ProblemMessages.UnreadableXlsx, previousRow + 1, e) { Sheet = sheet };
        }
    }

    private static void Advance(OpenXmlReader reader, int previousRow)
    {
        try
        {
            reader.Read();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException)
        {
            throw Unreadable(previousRow + 1, e);
        }
    }

    private static UnreadableFileException Unreadable(int? row, Exception? inner = null) =>
        new(ProblemCodes.UnreadableFile, ProblemMessages.UnreadableXlsx, row, inner);
}
