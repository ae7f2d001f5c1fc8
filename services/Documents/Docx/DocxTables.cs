using DocumentFormat.OpenXml.Wordprocessing;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Platform.Documents.Docx;

/// <summary>A plain bordered table: the header row repeats on every page, numbers are right-aligned, totals bold.</summary>
public static class DocxTables
{
    public static W.Table Write(Layout.Table table)
    {
        var result = new W.Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Autofit }));
        result.Append(new TableGrid(table.Headers.Select(_ => new GridColumn())));
        result.Append(Row(table, table.Headers, header: true, total: false));
        foreach (var row in table.Rows) result.Append(Row(table, row.Cells, header: false, total: row.Total));
        return result;
    }

    private static TableRow Row(Layout.Table table, IReadOnlyList<string> cells, bool header, bool total)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < cells.Count; i++)
        {
            var properties = new ParagraphProperties(new SpacingBetweenLines { After = "0" });
            if (table.Numeric.Contains(i)) properties.Append(new Justification { Val = JustificationValues.Right });
            var cell = new TableCell(new W.Paragraph(properties, DocxWriter.Text(cells[i], bold: header || total)));
            if (header) cell.PrependChild(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Fill = "E6ECF2" }));
            row.Append(cell);
        }
        return row;
    }
}
