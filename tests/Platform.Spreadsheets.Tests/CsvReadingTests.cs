using System.Text;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Reading;
using Platform.Spreadsheets.Values;

namespace Platform.Spreadsheets.Tests;

public class CsvReadingTests
{
    [Fact]
    public async Task Semicolon_file_with_a_BOM_and_Italian_numbers_reads_exactly()
    {
        var file = Files.Utf8("Codice;Anno;Importo;Descrizione\n09;2022;€ 1.234,56;Attività è\n", bom: true);

        var (rows, problems, import) = await Files.ReadAsync(file, SpreadsheetFormat.Csv);

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal((null, 2), (row.Sheet, row.RowNumber));
        Assert.Equal("09", row.Text("code"));
        Assert.Equal(2022L, row.Integer("year"));
        Assert.Equal(1234.56m, row.Decimal("amount"));
        Assert.Equal("Attività è", row.Text("description"));
        Assert.Equal(NumberFormat.Italian, import.NumberFormat);
    }

    [Fact]
    public async Task Comma_file_with_plain_numbers_and_quoted_commas_reads_exactly()
    {
        var (rows, problems, import) = await Files.ReadCsvAsync("Code,Year,Amount,Description\n0903,2023,1234.5,\"Strade, piazze\"\n");

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal(1234.5m, row.Decimal("amount"));
        Assert.Equal("Strade, piazze", row.Text("description"));
        Assert.Equal(NumberFormat.Plain, import.NumberFormat);
    }

    [Fact]
    public async Task A_file_saved_by_Excel_as_Windows_1252_reads_its_accents_and_euro()
    {
        var bytes = CsvTextEncoding.Windows1252.GetBytes("Codice;Anno;Importo;Responsabile politico\nA1;2022;12,50 €;Niccolò Città\n");

        var (rows, problems, _) = await Files.ReadAsync(new MemoryStream(bytes), SpreadsheetFormat.Csv);

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal(12.50m, row.Decimal("amount"));
        Assert.Equal("Niccolò Città", row.Text("owner"));
    }

    [Fact]
    public async Task Excels_sep_line_sets_the_delimiter_and_is_no_row()
    {
        var (rows, problems, _) = await Files.ReadCsvAsync("sep=,\nCodice,Anno,Descrizione\nA,2022,uno; due\n");

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal((2, "uno; due"), (row.RowNumber, row.Text("description")));
    }

    [Fact]
    public async Task A_UTF16_file_with_its_byte_order_mark_reads()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Codice\tAnno\tDescrizione\nA\t2022\tÈ già così\n")).ToArray();

        var (rows, problems, _) = await Files.ReadAsync(new MemoryStream(bytes), SpreadsheetFormat.Csv);

        Assert.Empty(problems);
        Assert.Equal("È già così", Assert.Single(rows).Text("description"));
    }

    [Fact]
    public async Task Row_numbers_are_the_spreadsheet_rows_across_blank_lines_and_quoted_line_breaks()
    {
        var text = "Codice;Anno;Descrizione\nA;2022;\"prima riga\nseconda riga\"\n\n#B;2023;non è un commento\n";

        var (rows, problems, _) = await Files.ReadCsvAsync(text);

        Assert.Empty(problems);
        Assert.Equal([2, 4], rows.Select(r => r.RowNumber));
        Assert.Equal("prima riga\nseconda riga", rows[0].Text("description"));
        Assert.Equal("#B", rows[1].Text("code"));
    }

    [Fact]
    public async Task Long_text_is_kept_whole()
    {
        var definition = string.Concat(Enumerable.Repeat("Obiettivo strategico di lungo periodo. ", 120));

        var (rows, problems, _) = await Files.ReadCsvAsync($"Codice;Anno;Descrizione\nA;2022;\"  {definition}  \"\n");

        Assert.Empty(problems);
        Assert.Equal(definition.Trim(), Assert.Single(rows).Text("description"));
        Assert.True(definition.Length > 3900);
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_read_the_same()
    {
        var (rows, problems, _) = await Files.ReadAsync(new ForwardOnlyStream(Files.Utf8("Codice;Anno\nA;2022\nB;2023\n")), SpreadsheetFormat.Csv);

        Assert.Empty(problems);
        Assert.Equal(["A", "B"], rows.Select(r => r.Text("code")));
    }

    [Fact]
    public async Task An_empty_file_is_a_problem_not_an_error()
    {
        var (rows, problems, _) = await Files.ReadCsvAsync("");

        Assert.Empty(rows);
        Assert.Equal(ProblemCodes.EmptyFile, Assert.Single(problems).Code);
    }

    [Fact]
    public async Task A_broken_quote_is_reported_with_its_row()
    {
        var (_, problems, _) = await Files.ReadCsvAsync("Codice;Anno;Descrizione\nA;2022;ok\nB;2023;\"aperta\"x;\n", new ImportOptions { NumberFormat = NumberFormat.Plain });

        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.UnreadableFile, 3), (problem.Code, problem.Row));
        Assert.Contains("CSV", problem.Message);
    }

    [Theory]
    [InlineData("\"")] // a quote never closed: the rest of the file would be one cell
    [InlineData("")]
    public async Task A_record_longer_than_four_million_characters_is_a_problem(string quote)
    {
        var text = $"Codice;Anno;Descrizione\nA;2022;uno\nB;2022;{quote}{new string('x', 4 * 1024 * 1024 + 10)}\n";

        var (rows, problems, _) = await Files.ReadCsvAsync(text, new ImportOptions { NumberFormat = NumberFormat.Plain });

        Assert.Equal("A", Assert.Single(rows).Text("code"));
        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.FileTooLarge, 3), (problem.Code, problem.Row));
    }

    [Theory]
    [InlineData("a;b;c", ';')]
    [InlineData("a,b,c", ',')]
    [InlineData("a\tb\tc", '\t')]
    [InlineData("\"x;y\",b,c", ',')]
    [InlineData("Missione, programma;Anno", ';')]
    [InlineData("solo", ';')]
    public void The_delimiter_is_the_header_lines_most_frequent(string header, char expected) =>
        Assert.Equal(expected, CsvDelimiter.FromHeaderLine(header + "\n1;2,3"));

    [Fact]
    public async Task Invalid_UTF8_anywhere_makes_the_file_Windows_1252()
    {
        var bytes = Encoding.UTF8.GetBytes("Codice;Anno\n" + string.Concat(Enumerable.Repeat("A;2022\n", 20_000))).Concat(new byte[] { 0xE8, 0x0A }).ToArray();

        var (encoding, preamble) = await CsvTextEncoding.DetectAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.Equal((1252, 0), (encoding.CodePage, preamble));
    }
}

/// <summary>An upload as it arrives from a request body: no seeking, no length.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
