using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Spreadsheets.Reading;
using Platform.Spreadsheets.Schema;
using Platform.Spreadsheets.Values;

namespace Platform.Spreadsheets.Writing;

/// <summary>
/// Writes one sheet with OpenXmlWriter, row by row: a bold header row, text and codes as inline strings (so
/// <c>09</c> stays <c>09</c>), numbers as number cells from their exact decimal text, dates as serials with a
/// date style. A number with more digits than Excel keeps (15) is written as text, so nothing is rounded away.
/// </summary>
internal static class XlsxTableWriter
{
    private static readonly XmlQualifiedName Space = new("space", "http://www.w3.org/XML/1998/namespace");

    public static async Task WriteAsync(Stream output, TableSchema schema, IAsyncEnumerable<IReadOnlyList<object?>> rows,
        ExportOptions options, CancellationToken cancellationToken)
    {
        await using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            await XlsxPackage.WriteFixedPartsAsync(zip, options.SheetName, cancellationToken);
            await using var entry = zip.CreateEntry(XlsxPackage.SheetEntry, CompressionLevel.Fastest).Open();
            using var writer = OpenXmlWriter.Create(entry);
            writer.WriteStartDocument(standalone: true);
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            var rowNumber = 1;
            WriteRow(writer, rowNumber, schema.Columns.Select(c => (object?)ValueText.Header(c, options.Headers)).ToList(), schema, options, header: true);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                RowShape.Check(row, schema);
                WriteRow(writer, ++rowNumber, row, schema, options, header: false);
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        await output.FlushAsync(cancellationToken);
    }

    private static void WriteRow(OpenXmlWriter writer, int rowNumber, IReadOnlyList<object?> values, TableSchema schema, ExportOptions options, bool header)
    {
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowNumber.ToString(CultureInfo.InvariantCulture))]);
        for (var i = 0; i < values.Count; i++)
        {
            var reference = XlsxText.ColumnLetters(i) + rowNumber.ToString(CultureInfo.InvariantCulture);
            var value = header ? values[i] : ValueText.Checked(values[i], schema.Columns[i]);
            switch (value)
            {
                case null:
                    break;
                case string text:
                    InlineText(writer, reference, text, header ? XlsxPackage.HeaderStyle : null);
                    break;
                case long number when ExcelNumber.FitsExactly(number):
                    NumberCell(writer, reference, number.ToString(CultureInfo.InvariantCulture), null);
                    break;
                case long number:
                    InlineText(writer, reference, number.ToString(CultureInfo.InvariantCulture), null);
                    break;
                case decimal number when ExcelNumber.FitsExactly(number):
                    NumberCell(writer, reference, number.ToString(CultureInfo.InvariantCulture), null);
                    break;
                case decimal number:
                    InlineText(writer, reference, ValueText.Number(number, options.TextNumbers), null);
                    break;
                case DateOnly date:
                    NumberCell(writer, reference, ExcelSerial.FromDate(date).ToString(CultureInfo.InvariantCulture), XlsxPackage.DateStyle);
                    break;
            }
        }
        writer.WriteEndElement();
    }

    private static void NumberCell(OpenXmlWriter writer, string reference, string stored, uint? style)
    {
        writer.WriteStartElement(new Cell(), CellAttributes(reference, type: null, style));
        writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.CellValue());
        writer.WriteString(stored);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void InlineText(OpenXmlWriter writer, string reference, string text, uint? style)
    {
        var clean = XmlSafe(text);
        writer.WriteStartElement(new Cell(), CellAttributes(reference, "inlineStr", style));
        writer.WriteStartElement(new InlineString());
        writer.WriteStartElement(new Text(), clean.Length > 0 && (char.IsWhiteSpace(clean[0]) || char.IsWhiteSpace(clean[^1]))
            ? [new OpenXmlAttribute("xml", Space.Name, Space.Namespace, "preserve")]
            : []);
        writer.WriteString(clean);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static List<OpenXmlAttribute> CellAttributes(string reference, string? type, uint? style)
    {
        var attributes = new List<OpenXmlAttribute>(3) { new("r", "", reference) };
        if (type is not null) attributes.Add(new("t", "", type));
        if (style is { } s) attributes.Add(new("s", "", s.ToString(CultureInfo.InvariantCulture)));
        return attributes;
    }

    /// <summary>Drops the control characters XML cannot carry (a stray U+0001 pasted into a description).</summary>
    private static string XmlSafe(string text)
    {
        foreach (var c in text)
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)) return string.Concat(text.Where(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch)));
        return text;
    }
}
