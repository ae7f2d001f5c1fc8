using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Documents.Layout;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Platform.Documents.Docx;

/// <summary>
/// A document as DOCX (Open XML SDK): Italian language, Word's heading styles (so the navigation pane and the
/// table of contents field work), a cover, "Pagina N di M" footers, tables with a repeated header row.
/// </summary>
public static class DocxWriter
{
    public static byte[] Write(Layout.Document document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = document.Title;
            package.PackageProperties.Language = "it-IT";
            var main = package.AddMainDocumentPart();
            DocxStyles.Add(main);
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
            var footer = main.AddNewPart<FooterPart>();
            var pageNumber = new W.Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), Text("Pagina "));
            pageNumber.Append(Field("PAGE", "1"));
            pageNumber.Append(Text(" di "));
            pageNumber.Append(Field("NUMPAGES", "1"));
            footer.Footer = new Footer(pageNumber);

            var body = new Body();
            WriteCover(body, document.Cover);
            WriteContents(body, document.Body);
            foreach (var block in document.Body) WriteBlock(body, block);
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new W.PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1020, Right = 907, Header = 567, Footer = 567 },
                new TitlePage()));
            main.Document = new W.Document(body);
        }
        return stream.ToArray();
    }

    private static void WriteCover(Body body, Cover cover)
    {
        body.Append(Styled(DocxStyles.CoverEnte, cover.Ente), Styled(DocxStyles.Title, cover.Title));
        foreach (var line in cover.Lines) body.Append(Styled(DocxStyles.CoverLine, line));
        body.Append(PageBreakParagraph());
    }

    /// <summary>Word's TOC field (refreshed on opening), with the headings as its text until then.</summary>
    private static void WriteContents(Body body, IReadOnlyList<Block> blocks)
    {
        body.Append(Styled(DocxStyles.ContentsHeading, "Indice"));
        var headings = blocks.OfType<Heading>().Where(h => h.Level <= 2).ToList();
        for (var i = 0; i < headings.Count; i++)
        {
            var paragraph = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = headings[i].Level == 1 ? "TOC1" : "TOC2" }));
            if (i == 0) paragraph.Append(FieldBegin(@"TOC \o ""1-2"" \h \z \u"));
            paragraph.Append(Text(headings[i].Text));
            if (i == headings.Count - 1) paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
            body.Append(paragraph);
        }
        body.Append(PageBreakParagraph());
    }

    private static void WriteBlock(OpenXmlElement body, Block block)
    {
        switch (block)
        {
            case Heading h:
                body.Append(Styled($"Heading{Math.Min(h.Level, 4)}", h.Text));
                break;
            case Layout.Paragraph p:
                var paragraph = new W.Paragraph();
                if (p.Label is not null) paragraph.Append(Text(p.Label + ": ", bold: true));
                paragraph.Append(Text(p.Text));
                body.Append(paragraph);
                break;
            case Fields f:
                foreach (var (label, value) in f.Items)
                    body.Append(new W.Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" }), Text(label + ": ", bold: true), Text(value)));
                break;
            case Layout.Table t:
                body.Append(Styled(DocxStyles.Caption, t.Caption));
                body.Append(DocxTables.Write(t));
                body.Append(new W.Paragraph());
                break;
            case Card c:
                foreach (var inner in c.Blocks) WriteBlock(body, inner);
                break;
            case Chart chart:
                // Word has no SVG without a bitmap fallback: the DOCX keeps the chart's text alternative, the table has the figures.
                body.Append(Styled(DocxStyles.Caption, $"Grafico (nelle versioni HTML e PDF): {chart.Alt}"));
                break;
            case PageBreak:
                body.Append(PageBreakParagraph());
                break;
        }
    }

    public static W.Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Text(text));

    /// <summary>A run of text kept whole: line breaks of the stored text become Word line breaks.</summary>
    public static Run Text(string text, bool bold = false)
    {
        var run = new Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new W.Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private static W.Paragraph PageBreakParagraph() => new(new Run(new Break { Type = BreakValues.Page }));

    private static Run[] FieldBegin(string instruction) =>
    [
        new(new FieldChar { FieldCharType = FieldCharValues.Begin }),
        new(new FieldCode(instruction) { Space = SpaceProcessingModeValues.Preserve }),
        new(new FieldChar { FieldCharType = FieldCharValues.Separate }),
    ];

    private static Run[] Field(string instruction, string shown) =>
        [.. FieldBegin(instruction), Text(shown), new(new FieldChar { FieldCharType = FieldCharValues.End })];
}
