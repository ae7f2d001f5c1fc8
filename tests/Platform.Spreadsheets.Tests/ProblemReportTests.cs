using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Problems;
using static Platform.Spreadsheets.Tests.TestWorkbook;

namespace Platform.Spreadsheets.Tests;

/// <summary>The preview case: a bad code, an Italian number, a bad date, a missing column, a duplicate row.</summary>
public class ProblemReportTests
{
    // The files leave out the required Anno column, so the key is the code alone.
    private static readonly ImportOptions ByCode = new() { DuplicateKey = ["code"] };
    private static readonly ImportOptions ByCodeAndYear = new() { DuplicateKey = ["code", "year"] };

    private static readonly (string Code, int Row, string Column, string? Value)[] Expected =
    [
        (ProblemCodes.MissingColumn, 1, "Anno", null),
        (ProblemCodes.BadCode, 3, "Codice", "09 03"),
        (ProblemCodes.BadDate, 4, "Scadenza", "31/13/2022"),
        (ProblemCodes.DuplicateRow, 5, "Codice", "a1"),
    ];

    [Fact]
    public async Task A_CSV_lists_each_problem_with_its_row_and_column()
    {
        var text = "Codice;Importo;Scadenza\nA1;€ 1.234,56;31/12/2022\n09 03;10;\nB2;5;31/13/2022\na1;7,5;\n";

        var (rows, problems, _) = await Files.ReadAsync(Files.Utf8(text), SpreadsheetFormat.Csv, ByCode);

        Assert.Equal(Expected, problems.Select(p => (p.Code, p.Row!.Value, p.Column!, p.Value)));
        Assert.Equal(1234.56m, rows[0].Decimal("amount"));
        Assert.All(problems, p => Assert.Null(p.Sheet));
        Assert.Contains("riga 2", problems.Single(p => p.Code == ProblemCodes.DuplicateRow).Message);
    }

    [Fact]
    public async Task An_XLSX_lists_the_same_problems_with_its_sheet()
    {
        var file = new TestWorkbook().Sheet("Spese",
            ["Codice", "Importo", "Scadenza"],
            ["A1", "€ 1.234,56", new Number("44926")],
            ["09 03", new Number("10"), null],
            ["B2", new Number("5"), "31/13/2022"],
            ["a1", "7,5", null]).Build();

        var (rows, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx, ByCode);

        Assert.Equal(Expected, problems.Select(p => (p.Code, p.Row!.Value, p.Column!, p.Value)));
        Assert.All(problems, p => Assert.Equal("Spese", p.Sheet));
        Assert.Equal(1234.56m, rows[0].Decimal("amount"));
    }

    [Fact]
    public async Task Duplicate_rows_compare_the_key_by_value()
    {
        var (_, problems, _) = await Files.ReadCsvAsync("Codice;Anno\nA;2022\nA;2023\na;2022\n", ByCodeAndYear);

        var duplicate = Assert.Single(problems);
        Assert.Equal((ProblemCodes.DuplicateRow, 4), (duplicate.Code, duplicate.Row));
        Assert.Equal("La riga ripete Codice «a», Anno «2022» già presente alla riga 2.", duplicate.Message);
    }

    [Fact]
    public async Task A_duplicate_on_another_sheet_names_that_sheet()
    {
        var file = new TestWorkbook()
            .Sheet("2022", ["Codice", "Anno"], ["A", new Number("2022")])
            .Sheet("Altro", ["Codice", "Anno"], ["A", new Number("2022")]).Build();

        var (_, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx, ByCodeAndYear);

        Assert.Contains("alla riga 2 del foglio «2022»", Assert.Single(problems).Message);
    }

    [Fact]
    public async Task A_required_value_left_empty_is_a_problem()
    {
        var (_, problems, _) = await Files.ReadCsvAsync("Codice;Anno\n;2022\n");

        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.MissingValue, 2, "Codice"), (problem.Code, problem.Row, problem.Column));
    }

    [Fact]
    public async Task A_long_bad_value_is_clipped_in_the_report()
    {
        var (_, problems, _) = await Files.ReadCsvAsync($"Codice;Anno\nA;{new string('9', 30)}x{new string('9', 300)}\n");

        var value = Assert.Single(problems).Value!;
        Assert.Equal(ImportProblem.MaxValueLength, value.Length);
        Assert.EndsWith("…", value);
    }

    [Fact]
    public async Task Problems_name_the_column_as_the_file_writes_it()
    {
        var (_, problems, _) = await Files.ReadCsvAsync("CODICE;anno;DATA SCADENZA\nA;2022;ieri\n");

        Assert.Equal(ProblemCodes.UnknownColumn, problems[0].Code);
        var (_, renamed, _) = await Files.ReadCsvAsync("CODICE;anno;due date\nA;2022;ieri\n");
        Assert.Equal(("due date", ProblemCodes.BadDate), (Assert.Single(renamed).Column, renamed[0].Code));
    }
}
