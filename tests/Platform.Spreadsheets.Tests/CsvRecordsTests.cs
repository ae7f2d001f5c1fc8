using Platform.Spreadsheets.Records;

namespace Platform.Spreadsheets.Tests;

/// <summary>Shipped tables read by Sylvan: quotes, line breaks and '#' inside fields, blank lines skipped.</summary>
public sealed class CsvRecordsTests
{
    [Fact]
    public void Rows_are_keyed_by_the_header_and_keep_quoted_text_whole()
    {
        var rows = CsvRecords.Read(new StringReader("code,name\n09,\"Sviluppo sostenibile, territorio\ne ambiente\"\n#1,primo\n\n"));

        Assert.Equal(2, rows.Count);
        Assert.Equal("09", rows[0]["code"]);
        Assert.Equal("Sviluppo sostenibile, territorio\ne ambiente", rows[0]["name"]);
        Assert.Equal("#1", rows[1]["code"]);
    }

    [Fact]
    public void A_short_row_reads_its_missing_fields_as_empty()
    {
        var rows = CsvRecords.Read(new StringReader("code,name,note\n1,uno\n"));

        Assert.Equal("", Assert.Single(rows)["note"]);
    }

    [Fact]
    public void A_semicolon_table_is_read_by_its_header_line_delimiter()
    {
        var rows = CsvRecords.Read(new StringReader("kind;parent;file\nplan;;dup/piano.json\nobjectives;plans/dup;\"a,b.csv\"\n"));

        Assert.Equal(("plan", "", "dup/piano.json"), (rows[0]["kind"], rows[0]["parent"], rows[0]["file"]));
        Assert.Equal("a,b.csv", rows[1]["file"]);
    }
}
