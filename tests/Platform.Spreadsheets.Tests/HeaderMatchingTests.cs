using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Schema;

namespace Platform.Spreadsheets.Tests;

public class HeaderMatchingTests
{
    [Theory]
    [InlineData("Responsabile politico")]
    [InlineData("RESPONSABILE  POLITICO")]
    [InlineData("responsabile_politico")]
    [InlineData(" Responsabile-Politico ")]
    [InlineData("Political owner")]
    [InlineData("owner")]
    public void Headers_match_ignoring_case_spaces_and_punctuation(string header) =>
        Assert.Equal(TestSchemas.Budget.IndexOf("owner"), TestSchemas.Budget.ColumnForHeader(header));

    [Theory]
    [InlineData("Attività", "attivita")]
    [InlineData("QUANTITÀ", "quantita")]
    [InlineData("Perché", "perche")]
    public void Accents_do_not_matter(string header, string folded) => Assert.Equal(folded, HeaderText.Fold(header));

    [Fact]
    public async Task A_missing_required_column_an_unknown_one_and_a_repeated_one_are_problems_of_the_header_row()
    {
        var (rows, problems, _) = await Files.ReadCsvAsync("Codice;Note interne;Descrizione;descrizione\nA;x;uno;due\n");

        Assert.Equal(
            [
                (ProblemCodes.UnknownColumn, 1, "Note interne"),
                (ProblemCodes.DuplicateColumn, 1, "descrizione"),
                (ProblemCodes.MissingColumn, 1, "Anno"),
            ],
            problems.Select(p => (p.Code, p.Row!.Value, p.Column!)));
        Assert.Equal("uno", Assert.Single(rows).Text("description"));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void A_schema_whose_headers_collide_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TableSchema(
            ColumnDefinition.RequiredColumn("a", ColumnKind.Text, "Codice", "Code"),
            ColumnDefinition.RequiredColumn("b", ColumnKind.Text, "codice", "Other")));
    }
}
