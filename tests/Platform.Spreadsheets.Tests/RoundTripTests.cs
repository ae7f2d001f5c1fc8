using System.Text;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Values;
using Platform.Spreadsheets.Writing;

namespace Platform.Spreadsheets.Tests;

/// <summary>What the writers write, the reader reads back to the same values, digit for digit.</summary>
public class RoundTripTests
{
    // code, year, description, mission, programme, amount, target, actual, due, owner, cup
    private static readonly object?[][] Rows =
    [
        ["09", 2022L, "Strade; piazze e \"arredo\"\nseconda riga", "09", "0903", 1234.56m, 1.50m, -0.01m, new DateOnly(2022, 12, 31), "Niccolò Città", "E11B20000000001"],
        ["A-2", 2023L, "#non è un commento", null, null, 12345678901234567.89m, 0.1234567890123456789012345678m, 0m, new DateOnly(1900, 3, 1), null, null],
        ["B", 1234567890123456789L, "=SOMMA(A1)", "1", "1.01", -999999999999999m, 100m, 1e-20m, null, "", "x"],
    ];

    public static TheoryData<SpreadsheetFormat, NumberFormat, HeaderLanguage> Formats => new()
    {
        { SpreadsheetFormat.Csv, NumberFormat.Italian, HeaderLanguage.Italian },
        { SpreadsheetFormat.Csv, NumberFormat.Plain, HeaderLanguage.English },
        { SpreadsheetFormat.Xlsx, NumberFormat.Italian, HeaderLanguage.Italian },
        { SpreadsheetFormat.Xlsx, NumberFormat.Plain, HeaderLanguage.English },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Export_then_import_gives_back_every_value(SpreadsheetFormat format, NumberFormat numbers, HeaderLanguage headers)
    {
        var file = new MemoryStream();
        await TableExport.WriteAsync(file, format, TestSchemas.Budget, Rows.ToAsyncEnumerable().Select(r => (IReadOnlyList<object?>)r),
            new ExportOptions { NumberFormat = numbers, Headers = headers }, Deadline.Token);
        file.Position = 0;

        var (rows, problems, import) = await Files.ReadAsync(file, format);

        Assert.Empty(problems);
        Assert.Equal(numbers, import.NumberFormat);
        var columns = TestSchemas.Budget.Columns;
        Assert.Equal(Rows.Length, rows.Count);
        for (var r = 0; r < Rows.Length; r++)
        {
            Assert.Equal(r + 2, rows[r].RowNumber);
            for (var c = 0; c < columns.Count; c++)
            {
                var expected = Rows[r][c] is "" ? null : Rows[r][c];
                var actual = rows[r][columns[c].Name];
                Assert.Equal(expected, actual);
                if (expected is decimal number) Assert.Equal(number.ToString(), ((decimal)actual!).ToString()); // same scale too
            }
        }
    }

    [Fact]
    public async Task CSV_export_is_what_Excel_in_Italy_opens_directly()
    {
        var file = new MemoryStream();
        await TableExport.WriteCsvAsync(file, TestSchemas.Budget, Rows.Take(1).ToAsyncEnumerable().Select(r => (IReadOnlyList<object?>)r), null, Deadline.Token);

        var bytes = file.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Codice;Anno;Descrizione;Missione;Programma;Importo;Target;Consuntivo;Scadenza;Responsabile politico;CUP", lines[0]);
        Assert.StartsWith("09;2022;\"Strade; piazze e \"\"arredo\"\"\nseconda riga\";09;0903;1234,56;1,50;-0,01;31/12/2022;", lines[1]);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_for_its_column_is_the_callers_bug()
    {
        object?[] row = ["A", "2022", null, null, null, null, null, null, null, null, null];

        await Assert.ThrowsAsync<ArgumentException>(() => TableExport.WriteAsync(new MemoryStream(), SpreadsheetFormat.Xlsx, TestSchemas.Budget,
            new[] { (IReadOnlyList<object?>)row }.ToAsyncEnumerable(), null, Deadline.Token));
    }
}
