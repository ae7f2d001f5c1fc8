using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Problems;
using static Platform.Spreadsheets.Tests.TestWorkbook;

namespace Platform.Spreadsheets.Tests;

public class XlsxReadingTests
{
    [Fact]
    public async Task Shared_and_inline_strings_numbers_and_date_serials_read_exactly()
    {
        var file = new TestWorkbook().Sheet("Bilancio",
            ["Codice", "Anno", "Importo", "Descrizione", "Scadenza", "Missione"],
            [new Inline("A1"), new Number("2022"), new Number("1234.56"), "Testo condiviso", new Number("44926"), new Number("9")]).Build();

        var (rows, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx);

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal(("Bilancio", 2), (row.Sheet, row.RowNumber));
        Assert.Equal("A1", row.Text("code"));
        Assert.Equal(2022L, row.Integer("year"));
        Assert.Equal(1234.56m, row.Decimal("amount"));
        Assert.Equal("Testo condiviso", row.Text("description"));
        Assert.Equal(new DateOnly(2022, 12, 31), row.Date("due"));
        Assert.Equal("9", row.Text("mission"));
    }

    [Theory]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("1234.5599999999999", "1234.56")]
    [InlineData("1.2345678901234567E+3", "1234.56789012346")]
    [InlineData("4.5E-2", "0.045")]
    [InlineData("1234.50", "1234.50")]
    [InlineData("-0.1", "-0.1")]
    public async Task A_number_cell_is_the_decimal_Excel_shows_not_its_binary_artefact(string stored, string expected)
    {
        var file = new TestWorkbook().Sheet("S", ["Codice", "Anno", "Target"], ["A", new Number("2022"), new Number(stored)]).Build();

        var (rows, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx);

        Assert.Empty(problems);
        Assert.Equal(expected, Assert.Single(rows).Decimal("target")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Every_visible_sheet_is_read_with_its_own_header_and_hidden_ones_are_not()
    {
        var file = new TestWorkbook()
            .Sheet("2022", ["Codice", "Anno"], ["A", new Number("2022")])
            .HiddenSheet("Liste", ["Codice", "Anno"], ["NASCOSTO", new Number("1")])
            .Sheet("2023", [], ["Anno", "Codice"], [new Number("2023"), "B"], [new Number("2023"), "C"])
            .Build();

        var (rows, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx);

        Assert.Empty(problems);
        Assert.Equal([("2022", 2, "A"), ("2023", 3, "B"), ("2023", 4, "C")], rows.Select(r => (r.Sheet!, r.RowNumber, r.Text("code")!)));
    }

    [Fact]
    public async Task Only_the_sheets_asked_for_are_read()
    {
        var file = new TestWorkbook()
            .Sheet("Istruzioni", ["Compilare il foglio Dati"])
            .Sheet("Dati", ["Codice", "Anno"], ["A", new Number("2022")])
            .Build();

        var (rows, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx, new ImportOptions { Sheets = ["Dati"] });

        Assert.Empty(problems);
        Assert.Equal("Dati", Assert.Single(rows).Sheet);
    }

    [Fact]
    public async Task A_sheet_asked_for_that_the_file_lacks_is_named_in_a_problem()
    {
        var file = new TestWorkbook().Sheet("Foglio1", ["Codice", "Anno"], ["A", new Number("2022")]).Build();

        var (rows, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx, new ImportOptions { Sheets = ["Dati"] });

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.MissingSheet, "Dati"), (problem.Code, problem.Sheet));
    }

    [Fact]
    public async Task ISO_date_cells_and_the_1904_date_system_read_as_dates()
    {
        var file = new TestWorkbook { Date1904 = true }.Sheet("S",
            ["Codice", "Anno", "Scadenza"],
            ["A", new Number("2022"), new Number("43464")],
            ["B", new Number("2022"), new IsoDate("2022-12-31T00:00:00")]).Build();

        var (rows, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx);

        Assert.Empty(problems);
        Assert.Equal([new DateOnly(2022, 12, 31), new DateOnly(2022, 12, 31)], rows.Select(r => r.Date("due")!.Value));
    }

    [Fact]
    public async Task An_Excel_error_in_a_cell_is_a_problem_of_that_cell()
    {
        var file = new TestWorkbook().Sheet("S", ["Codice", "Anno", "Importo"], ["A", new Number("2022"), new Error("#N/A")]).Build();

        var (_, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx);

        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.CellError, "S", 2, "Importo", "#N/A"), (problem.Code, problem.Sheet, problem.Row, problem.Column, problem.Value));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_a_problem_not_an_error()
    {
        var (rows, problems, _) = await Files.ReadAsync(Files.Utf8("Codice;Anno\nA;2022\n"), SpreadsheetFormat.Xlsx);

        Assert.Empty(rows);
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemCodes.UnreadableFile, problem.Code);
        Assert.Contains(".xlsx", problem.Message);
    }

    [Fact]
    public async Task A_row_longer_than_a_record_may_be_stops_the_reading_with_a_problem()
    {
        var file = new TestWorkbook().Sheet("S",
            ["Codice", "Anno", "Descrizione"],
            ["A", new Number("2022"), "breve"],
            ["B", new Number("2022"), new Inline(new string('x', 4 * 1024 * 1024 + 1))]).Build();

        var (rows, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx, new ImportOptions { NumberFormat = Values.NumberFormat.Plain });

        Assert.Equal("A", Assert.Single(rows).Text("code"));
        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.FileTooLarge, "S", 3), (problem.Code, problem.Sheet, problem.Row));
    }

    [Fact]
    public async Task A_workbook_from_a_stream_that_cannot_seek_is_read()
    {
        var file = new TestWorkbook().Sheet("S", ["Codice", "Anno"], ["A", new Number("2022")]).Build();

        var (rows, problems, _) = await Files.ReadAsync(new ForwardOnlyStream(file), SpreadsheetFormat.Xlsx);

        Assert.Empty(problems);
        Assert.Equal("A", Assert.Single(rows).Text("code"));
    }
}
