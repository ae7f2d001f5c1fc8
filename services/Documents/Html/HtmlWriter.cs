using System.Net;
using System.Text;
using Platform.Documents.Layout;

namespace Platform.Documents.Html;

/// <summary>
/// A document as one self-contained HTML page in Italian (<c>lang="it"</c>) with print CSS: A4 pages numbered in
/// the footer, a cover, a table of contents linking levels 1-2, table headers repeated on each page.
/// </summary>
public static class HtmlWriter
{
    private static readonly Lazy<string> Css = new(() =>
    {
        using var stream = typeof(HtmlWriter).Assembly.GetManifestResourceStream("print.css")!;
        return new StreamReader(stream).ReadToEnd();
    });

    public static string Write(Document document)
    {
        var html = new StringBuilder(1 << 20);
        html.Append("<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(document.Title))
            .Append("</title>\n<style>\n").Append(Css.Value).Append("</style>\n</head>\n<body>\n");
        WriteCover(html, document.Cover);
        WriteContents(html, document.Body);
        html.Append("<main>\n");
        foreach (var block in document.Body) WriteBlock(html, block);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteCover(StringBuilder html, Cover cover)
    {
        html.Append("<header class=\"copertina\">\n<p class=\"ente\">").Append(E(cover.Ente)).Append("</p>\n<h1 class=\"titolo\">")
            .Append(E(cover.Title)).Append("</h1>\n");
        foreach (var line in cover.Lines) html.Append("<p>").Append(E(line)).Append("</p>\n");
        html.Append("</header>\n");
    }

    private static void WriteContents(StringBuilder html, IReadOnlyList<Block> body)
    {
        html.Append("<nav class=\"indice\" aria-labelledby=\"indice\">\n<h2 id=\"indice\">Indice</h2>\n<ol>\n");
        foreach (var heading in body.OfType<Heading>().Where(h => h.Level <= 2))
            html.Append("<li class=\"livello-").Append(heading.Level).Append("\"><a href=\"#").Append(E(heading.Anchor)).Append("\">")
                .Append(E(heading.Text)).Append("</a></li>\n");
        html.Append("</ol>\n</nav>\n");
    }

    private static void WriteBlock(StringBuilder html, Block block)
    {
        switch (block)
        {
            case Heading h:
                // The cover's title is the page's h1; the document's levels start at h2.
                var level = Math.Min(h.Level + 1, 6);
                html.Append("<h").Append(level).Append(" id=\"").Append(E(h.Anchor)).Append("\">").Append(E(h.Text)).Append("</h").Append(level).Append(">\n");
                break;
            case Paragraph p:
                html.Append("<p>");
                if (p.Label is not null) html.Append("<strong>").Append(E(p.Label)).Append(":</strong> ");
                html.Append(E(p.Text)).Append("</p>\n");
                break;
            case Fields f:
                html.Append("<dl class=\"campi\">\n");
                foreach (var (label, value) in f.Items)
                    html.Append("<dt>").Append(E(label)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");
                html.Append("</dl>\n");
                break;
            case Table t:
                WriteTable(html, t);
                break;
            case Card c:
                html.Append("<section class=\"scheda scheda-").Append(E(c.Kind)).Append("\">\n");
                foreach (var inner in c.Blocks) WriteBlock(html, inner);
                html.Append("</section>\n");
                break;
            case Chart chart:
                html.Append("<figure class=\"grafico\"><img src=\"").Append(chart.DataUri).Append("\" alt=\"").Append(E(chart.Alt))
                    .Append("\"><figcaption>").Append(E(chart.Alt)).Append("</figcaption></figure>\n");
                break;
            case PageBreak:
                html.Append("<div class=\"salto-pagina\"></div>\n");
                break;
        }
    }

    private static void WriteTable(StringBuilder html, Table table)
    {
        html.Append("<table>\n<caption>").Append(E(table.Caption)).Append("</caption>\n<thead><tr>");
        for (var i = 0; i < table.Headers.Count; i++)
            html.Append("<th scope=\"col\"").Append(table.Numeric.Contains(i) ? " class=\"num\"" : "").Append('>').Append(E(table.Headers[i])).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append(row.Total ? "<tr class=\"totale\">" : "<tr>");
            for (var i = 0; i < row.Cells.Count; i++)
            {
                // The first cell names the row: a row header for screen readers and tagged PDF.
                var tag = i == 0 ? "th scope=\"row\"" : "td";
                html.Append('<').Append(tag).Append(table.Numeric.Contains(i) ? " class=\"num\"" : "").Append('>')
                    .Append(E(row.Cells[i])).Append("</").Append(i == 0 ? "th" : "td").Append('>');
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
