using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Writing;

namespace Platform.Spreadsheets.Tests;

public class XlsxValidityTests
{
    [Fact]
    public async Task The_written_workbook_is_valid_Open_XML()
    {
        object?[] row = ["09", 2022L, "Testo", null, null, 1234.56m, 12345678901234567.89m, null, new DateOnly(2022, 12, 31), null, null];
        var file = new MemoryStream();
        await TableExport.WriteAsync(new ForwardOnlyWriteStream(file), SpreadsheetFormat.Xlsx, TestSchemas.Budget,
            new[] { (IReadOnlyList<object?>)row }.ToAsyncEnumerable(), new ExportOptions { SheetName = "Bilancio 2022" }, Deadline.Token);
        file.Position = 0;

        using var document = SpreadsheetDocument.Open(file, isEditable: false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
        Assert.Equal("Bilancio 2022", document.WorkbookPart!.Workbook.Sheets!.ChildElements.Cast<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
    }
}

/// <summary>A response body: written forward only, never read or sought.</summary>
internal sealed class ForwardOnlyWriteStream(Stream inner) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
}
