using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Platform.Documents.Docx;

/// <summary>The styles part: Italian language, sans-serif headings with outline levels, cover and caption styles.</summary>
public static class DocxStyles
{
    public const string Title = "Title";
    public const string CoverEnte = "CoverEnte";
    public const string CoverLine = "CoverLine";
    public const string Caption = "Caption";
    public const string ContentsHeading = "TOCHeading";

    public static void Add(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "DejaVu Serif", HighAnsi = "DejaVu Serif", ComplexScript = "DejaVu Serif" },
                    new FontSize { Val = "20" }, new Languages { Val = "it-IT" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "80", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            Paragraph("Normal", "Normal", null, null),
            Paragraph(Title, "Title", 48, "003366", center: true, spaceBefore: 480),
            Paragraph(CoverEnte, "Ente (copertina)", 36, "003366", center: true, spaceBefore: 2400),
            Paragraph(CoverLine, "Riga di copertina", 22, null, center: true, sans: false),
            Paragraph(Caption, "Caption", 18, null, keepNext: true),
            Paragraph(ContentsHeading, "TOC Heading", 32, "003366"),
            Paragraph("TOC1", "toc 1", 20, null),
            Paragraph("TOC2", "toc 2", 20, null, indent: 440),
            Heading(1, 32), Heading(2, 26), Heading(3, 22), Heading(4, 20));
    }

    private static Style Heading(int level, int halfPoints)
    {
        var style = Paragraph($"Heading{level}", $"heading {level}", halfPoints, "003366", keepNext: true, spaceBefore: level == 1 ? 0 : 240,
            pageBreak: level == 1);
        style.StyleParagraphProperties!.Append(new OutlineLevel { Val = level - 1 });
        return style;
    }

    private static Style Paragraph(string id, string name, int? halfPoints, string? color, bool center = false, bool keepNext = false,
        int spaceBefore = 0, bool sans = true, int indent = 0, bool pageBreak = false)
    {
        var paragraph = new StyleParagraphProperties();
        if (keepNext) paragraph.Append(new KeepNext());
        if (pageBreak) paragraph.Append(new PageBreakBefore());
        paragraph.Append(new SpacingBetweenLines { Before = spaceBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), After = "120" });
        if (indent > 0) paragraph.Append(new Indentation { Left = indent.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (center) paragraph.Append(new Justification { Val = JustificationValues.Center });
        var run = new StyleRunProperties();
        if (halfPoints is { } size)
        {
            if (sans) run.Append(new RunFonts { Ascii = "DejaVu Sans", HighAnsi = "DejaVu Sans", ComplexScript = "DejaVu Sans" });
            if (id != "Normal" && id != CoverLine && !id.StartsWith("TOC", StringComparison.Ordinal) || id == ContentsHeading) run.Append(new Bold());
            if (color is not null) run.Append(new Color { Val = color });
            run.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        return new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run)
        {
            Type = StyleValues.Paragraph, StyleId = id, Default = id == "Normal" ? true : null,
        };
    }
}
