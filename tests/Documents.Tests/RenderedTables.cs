using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Documents.Tests;

/// <summary>A table as a reader finds it in a rendered document: the heading it sits under, its caption, its cells.</summary>
public sealed record RenderedTable(string Heading, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Reads the tables (and headings) back out of a generated HTML or DOCX file, with a parser, not string search.</summary>
public static class RenderedTables
{
    public static IReadOnlyList<RenderedTable> FromHtml(byte[] html)
    {
        var document = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html));
        var tables = new List<RenderedTable>();
        var heading = "";
        foreach (var element in document.QuerySelectorAll("main h2, main h3, main h4, main h5, main h6, main table"))
        {
            if (element.LocalName != "table")
            {
                heading = element.TextContent;
                continue;
            }
            var rows = element.QuerySelectorAll("tbody tr").Select(r => (IReadOnlyList<string>)r.Children.Select(c => c.TextContent).ToList()).ToList();
            tables.Add(new RenderedTable(heading, element.QuerySelector("caption")?.TextContent ?? "",
                element.QuerySelectorAll("thead th").Select(h => h.TextContent).ToList(), rows));
        }
        return tables;
    }

    public static IReadOnlyList<RenderedTable> FromDocx(byte[] docx)
    {
        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var tables = new List<RenderedTable>();
        string heading = "", caption = "";
        foreach (var element in package.MainDocumentPart!.Document!.Body!.ChildElements)
        {
            if (element is W.Paragraph paragraph)
            {
                var style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
                if (style.StartsWith("Heading", StringComparison.Ordinal)) heading = Text(paragraph);
                else if (style == "Caption") caption = Text(paragraph);
            }
            else if (element is W.Table table)
            {
                var rows = table.Elements<W.TableRow>().Select(r => (IReadOnlyList<string>)r.Elements<W.TableCell>().Select(Text).ToList()).ToList();
                tables.Add(new RenderedTable(heading, caption, rows[0], rows.Skip(1).ToList()));
            }
        }
        return tables;
    }

    public static IReadOnlyList<RenderedTable> From(string format, byte[] content) => format == "docx" ? FromDocx(content) : FromHtml(content);

    /// <summary>The text of a Word element, its line breaks as <c>\n</c>.</summary>
    private static string Text(DocumentFormat.OpenXml.OpenXmlElement element) =>
        string.Concat(element.Descendants().Select(d => d switch { W.Text t => t.Text, W.Break => "\n", _ => "" }));

    public static RenderedTable Single(this IEnumerable<RenderedTable> tables, string caption) =>
        Enumerable.Single(tables, t => t.Caption == caption);
}
