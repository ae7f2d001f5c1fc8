using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Spreadsheets.Writing;

/// <summary>
/// The fixed parts of a one-sheet workbook, written straight into a zip opened for creation. OpenXml's own
/// package needs a readable, seekable stream and keeps every part in memory until it closes; a zip in create
/// mode streams each entry to the output, so the sheet can be written row by row to any stream.
/// </summary>
internal static class XlsxPackage
{
    public const string SheetEntry = "xl/worksheets/sheet1.xml";

    /// <summary>Cell style indexes in <see cref="Styles"/>.</summary>
    public const uint DateStyle = 1, HeaderStyle = 2;

    private const string ContentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string PackageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    public static async Task WriteFixedPartsAsync(ZipArchive zip, string sheetName, CancellationToken cancellationToken)
    {
        await WriteTextAsync(zip, "[Content_Types].xml", ContentTypes, cancellationToken);
        await WriteTextAsync(zip, "_rels/.rels", PackageRelationships, cancellationToken);
        await WriteTextAsync(zip, "xl/_rels/workbook.xml.rels", WorkbookRelationships, cancellationToken);
        await WriteElementAsync(zip, "xl/workbook.xml", Workbook(sheetName));
        await WriteElementAsync(zip, "xl/styles.xml", Styles());
    }

    private static Workbook Workbook(string sheetName)
    {
        var workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = "rId1" }));
        workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return workbook;
    }

    /// <summary>Style 0 plain, 1 a date (built-in format 14, shown day-first by Excel in Italy), 2 a bold header.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true }) { Count = 3 });

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        await using var entry = await zip.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(cancellationToken);
        await using var writer = new StreamWriter(entry);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }

    private static async Task WriteElementAsync(ZipArchive zip, string name, OpenXmlPartRootElement root)
    {
        await using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        root.Save(entry);
    }
}
