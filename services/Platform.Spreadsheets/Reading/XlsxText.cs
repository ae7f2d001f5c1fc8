using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Platform.Spreadsheets.Problems;

namespace Platform.Spreadsheets.Reading;

/// <summary>Text pieces of an XLSX: rich text (plain or in runs, without phonetic guides) and cell references.</summary>
internal static class XlsxText
{
    /// <summary>The text of a shared string item or an inline string: its <c>t</c>, or its runs' <c>t</c>s joined.</summary>
    public static string RichText(OpenXmlCompositeElement item)
    {
        if (item.GetFirstChild<Text>() is { } plain) return plain.Text;
        return string.Concat(item.Elements<Run>().Select(run => run.Text?.Text));
    }

    /// <summary>The zero-based column of a reference such as <c>C7</c>, or null when there is none.</summary>
    public static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z') break;
            column = column * 26 + (upper - 'A' + 1);
            letters++;
        }
        return letters is 0 or > 3 ? null : column - 1;
    }

    /// <summary>The letters of a zero-based column: 0 → A, 26 → AA.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>
    /// The most text the shared strings may hold, in characters (128 MB as UTF-16). A zip compresses repeated text
    /// a thousandfold, so a small upload could otherwise unfold into more memory than the service has.
    /// </summary>
    public const long MaxSharedStringChars = 64L * 1024 * 1024;

    /// <summary>The shared strings, read element by element (they are the one table an XLSX reader must hold).</summary>
    public static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var strings = new List<string>();
        var chars = 0L;
        if (part is null) return strings;
        using var reader = OpenXmlReader.Create(part);
        reader.Read(); // onto the root element
        while (!reader.EOF)
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var text = RichText((SharedStringItem)reader.LoadCurrentElement()!);
                if ((chars += text.Length) > MaxSharedStringChars)
                    throw new UnreadableFileException(ProblemCodes.FileTooLarge, ProblemMessages.FileTooLarge, null);
                strings.Add(text);
            }
            else
                reader.Read();
        }
        return strings;
    }
}
