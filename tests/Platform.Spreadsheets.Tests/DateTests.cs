using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Values;
using static Platform.Spreadsheets.Tests.TestWorkbook;

namespace Platform.Spreadsheets.Tests;

public class DateTests
{
    [Theory]
    [InlineData("31/12/2022")]
    [InlineData("2022-12-31")]
    [InlineData(" 31/12/2022 ")]
    public async Task Day_first_and_ISO_dates_read(string text)
    {
        var (rows, problems, _) = await Files.ReadCsvAsync($"Codice;Anno;Scadenza\nA;2022;{text}\n");

        Assert.Empty(problems);
        Assert.Equal(new DateOnly(2022, 12, 31), Assert.Single(rows).Date("due"));
    }

    [Theory]
    [InlineData("12/31/2022")]
    [InlineData("31/12/22")]
    [InlineData("31 dicembre 2022")]
    [InlineData("2022-02-30")]
    public async Task Other_dates_are_bad_dates(string text)
    {
        var (_, problems, _) = await Files.ReadCsvAsync($"Codice;Anno;Scadenza\nA;2022;{text}\n");

        var problem = Assert.Single(problems);
        Assert.Equal((ProblemCodes.BadDate, "Scadenza", text), (problem.Code, problem.Column, problem.Value));
        Assert.Contains("31/12/2022", problem.Message);
    }

    [Theory]
    [InlineData("44926", 2022, 12, 31)]
    [InlineData("61", 1900, 3, 1)]
    [InlineData("59", 1900, 2, 28)]
    [InlineData("1", 1900, 1, 1)]
    [InlineData("44926.75", 2022, 12, 31)]
    public async Task Excel_serials_are_dates(string serial, int year, int month, int day)
    {
        var file = new TestWorkbook().Sheet("S", ["Codice", "Anno", "Scadenza"], ["A", new Number("2022"), new Number(serial)]).Build();

        var (rows, problems, _) = await Files.ReadAsync(file, SpreadsheetFormat.Xlsx);

        Assert.Empty(problems);
        Assert.Equal(new DateOnly(year, month, day), Assert.Single(rows).Date("due"));
    }

    [Fact]
    public void The_writers_serial_is_the_readers_date()
    {
        var date = new DateOnly(2022, 12, 31);
        Assert.True(ExcelSerial.TryToDate(ExcelSerial.FromDate(date), date1904: false, out var back));
        Assert.Equal(date, back);
    }
}
