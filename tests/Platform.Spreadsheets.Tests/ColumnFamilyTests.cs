using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Schema;
using Platform.Spreadsheets.Writing;
using static Platform.Spreadsheets.Schema.ColumnDefinition;
using static Platform.Spreadsheets.Schema.ColumnFamily;

namespace Platform.Spreadsheets.Tests;

/// <summary>Column families: <c>Azioni 2023</c>, <c>Campo fase</c>: headers matched by prefix, the rest is the key.</summary>
public class ColumnFamilyTests
{
    private static readonly TableSchema Schema = new(
        [RequiredColumn("code", ColumnKind.Code, "Codice", "Code"), OptionalColumn("actions_note", ColumnKind.Text, "Azioni note", "Action notes")],
        [Family("actions", ColumnKind.Text, "Azioni", "Actions"), Family("amount", ColumnKind.Money, "Importo", "Amount")]);

    private static Task<(List<ImportRow> Rows, List<ImportProblem> Problems, TableImport Import)> ReadAsync(string csv) =>
        Files.ReadAsync(Files.Utf8(csv), SpreadsheetFormat.Csv, schema: Schema);

    [Theory]
    [InlineData("Azioni 2023", 0, "2023")]
    [InlineData("AZIONI_2024", 0, "2024")]
    [InlineData("actions_2025", 0, "2025")]
    [InlineData("Actions: fase due", 0, "fase due")]
    [InlineData("Importo Fase attuale", 1, "Fase attuale")]
    public void A_header_names_its_family_and_keeps_the_key_as_written(string header, int family, string key) =>
        Assert.Equal((family, key), Schema.FamilyForHeader(header));

    [Theory]
    [InlineData("Azioni")]
    [InlineData("Azion 2023")]
    [InlineData("Descrizione")]
    public void A_header_without_a_key_or_prefix_is_no_member(string header) => Assert.Null(Schema.FamilyForHeader(header));

    [Fact]
    public async Task Members_are_read_by_key_and_a_fixed_column_wins_over_a_family()
    {
        var (rows, problems, _) = await ReadAsync("Codice;Azioni 2023;Azioni note;Azioni 2024;Importo fase\nA;uno;nota;;1.234,50\n");

        Assert.Empty(problems);
        var row = Assert.Single(rows);
        Assert.Equal("nota", row.Text("actions_note"));
        Assert.Equal([KeyValuePair.Create("2023", (object)"uno")], row.Family("actions"));
        Assert.Equal([KeyValuePair.Create("fase", (object)1234.50m)], row.Family("amount"));
    }

    [Fact]
    public async Task A_member_given_twice_and_a_bad_member_value_are_problems_with_their_column()
    {
        var (_, problems, _) = await ReadAsync("Codice;Azioni 2023;azioni_2023;Importo x\nA;uno;due;tre\n");

        Assert.Equal([(ProblemCodes.DuplicateColumn, 1, "azioni_2023"), (ProblemCodes.BadNumber, 2, "Importo x")],
            problems.Select(p => (p.Code, p.Row!.Value, p.Column!)));
    }

    [Theory]
    [InlineData(SpreadsheetFormat.Csv)]
    [InlineData(SpreadsheetFormat.Xlsx)]
    public async Task Members_written_as_columns_read_back_into_their_family(SpreadsheetFormat format)
    {
        var written = Schema.WithMembers([("actions", "2023"), ("amount", "fase")]);
        Assert.Equal(["Codice", "Azioni note", "Azioni 2023", "Importo fase"], written.Columns.Select(c => c.ItalianHeader));
        var file = new MemoryStream();
        await TableExport.WriteAsync(file, format, written, new[] { (IReadOnlyList<object?>)["A", null, "uno", 12.5m] }.ToAsyncEnumerable(),
            cancellationToken: Deadline.Token);
        file.Position = 0;

        var (rows, problems, _) = await Files.ReadAsync(file, format, schema: Schema);

        Assert.Empty(problems);
        Assert.Equal("uno", Assert.Single(rows).Family("actions").Single().Value);
        Assert.Equal(12.5m, rows[0].Family("amount").Single().Value);
    }

    [Fact]
    public void A_family_declared_twice_is_refused() =>
        Assert.Throws<ArgumentException>(() => new TableSchema(
            [RequiredColumn("code", ColumnKind.Code, "Codice", "Code")],
            [Family("a", ColumnKind.Text, "Azioni", "Actions"), Family("a", ColumnKind.Text, "Campo", "Field")]));
}
