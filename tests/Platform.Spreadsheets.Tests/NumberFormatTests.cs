using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Values;

namespace Platform.Spreadsheets.Tests;

public class NumberFormatTests
{
    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1234,56", "1234.56")]
    [InlineData("-1.234.567,891", "-1234567.891")]
    [InlineData("€ 1.234,56", "1234.56")]
    [InlineData("1.234,56 €", "1234.56")]
    [InlineData("-€1.234,56", "-1234.56")]
    [InlineData("€\u00A0-12,50", "-12.50")]
    [InlineData("1.234", "1234")]
    [InlineData("0,1", "0.1")]
    public async Task Italian_numbers_read_exactly_when_the_file_says_it(string text, string expected)
    {
        var (rows, problems, _) = await Files.ReadCsvAsync($"Codice;Anno;Importo\nA;2022;\"{text}\"\n", new ImportOptions { NumberFormat = NumberFormat.Italian });

        Assert.Empty(problems);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(rows).Decimal("amount"));
    }

    [Theory]
    [InlineData("1.234,56")]
    [InlineData("12.34.5")]
    [InlineData("1,234.56")]
    [InlineData("12 34")]
    [InlineData("dodici")]
    [InlineData("1.2345,6")]
    public async Task Anything_else_is_a_bad_number_with_the_format_to_use(string text)
    {
        var (_, problems, _) = await Files.ReadCsvAsync($"Codice,Anno,Importo\nA,2022,\"{text}\"\n", new ImportOptions { NumberFormat = NumberFormat.Plain });

        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.BadNumber, 2, "Importo", text), (problem.Code, problem.Row, problem.Column, problem.Value));
        Assert.Contains("1234.56", problem.Message);
    }

    [Fact]
    public async Task One_unambiguous_number_decides_the_format_of_the_whole_file_including_earlier_rows()
    {
        // Row 2's 1.500 alone could be 1500 or 1.5; row 3's 2,75 shows the file is Italian.
        var (rows, problems, import) = await Files.ReadCsvAsync("Codice;Anno;Importo\nA;2022;1.500\nB;2022;2,75\n");

        Assert.Empty(problems);
        Assert.Equal(NumberFormat.Italian, import.NumberFormat);
        Assert.Equal([1500m, 2.75m], rows.Select(r => r.Decimal("amount")!.Value));
    }

    [Fact]
    public async Task A_plain_file_is_detected_as_plain()
    {
        var (rows, problems, import) = await Files.ReadCsvAsync("Codice,Anno,Importo\nA,2022,1.500\nB,2022,2.5\n");

        Assert.Empty(problems);
        Assert.Equal(NumberFormat.Plain, import.NumberFormat);
        Assert.Equal([1.5m, 2.5m], rows.Select(r => r.Decimal("amount")!.Value));
    }

    [Fact]
    public async Task A_file_that_mixes_formats_is_told_so_and_no_number_is_guessed()
    {
        var (rows, problems, import) = await Files.ReadCsvAsync("Codice;Anno;Importo\nA;2022;2,75\nB;2022;3.5\nC;2022;7\n");

        Assert.Equal(NumberFormat.Detect, import.NumberFormat);
        Assert.Equal(
            [(ProblemCodes.MixedNumberFormat, 2), (ProblemCodes.AmbiguousNumber, 2), (ProblemCodes.AmbiguousNumber, 3)],
            problems.Select(p => (p.Code, p.Row!.Value)));
        Assert.Equal([null, null, 7m], rows.Select(r => r.Decimal("amount")));
    }

    [Fact]
    public async Task When_only_ambiguous_numbers_appear_they_are_problems_until_the_format_is_stated()
    {
        var text = "Codice;Anno;Importo\nA;2022;1.500\n";

        var undecided = await Files.ReadCsvAsync(text);
        var stated = await Files.ReadCsvAsync(text, new ImportOptions { NumberFormat = NumberFormat.Plain });

        var problem = Assert.Single(undecided.Problems);
        Assert.Equal((ProblemCodes.AmbiguousNumber, "1.500"), (problem.Code, problem.Value));
        Assert.Contains("due modi", problem.Message);
        Assert.Empty(stated.Problems);
        Assert.Equal(1.5m, Assert.Single(stated.Rows).Decimal("amount"));
    }

    [Theory]
    [InlineData("2022", 2022L)]
    [InlineData("1.234", 1234L)]
    public async Task Integers_follow_the_file_format(string text, long expected)
    {
        var (rows, problems, _) = await Files.ReadCsvAsync($"Codice;Anno\nA;{text}\n", new ImportOptions { NumberFormat = NumberFormat.Italian });

        Assert.Empty(problems);
        Assert.Equal(expected, Assert.Single(rows).Integer("year"));
    }

    [Fact]
    public async Task An_integer_column_refuses_decimals()
    {
        var (_, problems, _) = await Files.ReadCsvAsync("Codice;Anno\nA;2022,5\n", new ImportOptions { NumberFormat = NumberFormat.Italian });

        Assert.Equal((ProblemCodes.BadNumber, "Anno"), (Assert.Single(problems).Code, problems[0].Column));
    }

    [Theory]
    [InlineData("it", NumberFormat.Italian)]
    [InlineData("plain", NumberFormat.Plain)]
    [InlineData("", NumberFormat.Detect)]
    [InlineData("auto", NumberFormat.Detect)]
    public void Callers_name_the_format(string name, NumberFormat expected)
    {
        Assert.True(NumberFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
    }

    [Fact]
    public void An_unknown_format_name_is_refused() => Assert.False(NumberFormats.TryParse("us", out _));
}
