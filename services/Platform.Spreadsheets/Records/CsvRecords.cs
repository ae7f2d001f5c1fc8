using Sylvan.Data.Csv;

namespace Platform.Spreadsheets.Records;

/// <summary>
/// Small comma-separated tables the code ships with (reference classifications, seed extracts): every row
/// as a dictionary keyed by the header, read by Sylvan. The delimiter (<c>,</c>, <c>;</c>, tab) is the one the
/// header line uses, as Sylvan detects it. Files people upload go through <c>TableImport</c>.
/// </summary>
public static class CsvRecords
{
    private static readonly CsvDataReaderOptions Options = new() { HasHeaders = true, Comment = '\0' };

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(TextReader text)
    {
        using var reader = CsvDataReader.Create(text, Options);
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) row[header[i]] = i < reader.RowFieldCount ? reader.GetString(i) : "";
            if (row.Values.Any(v => v.Length > 0)) rows.Add(row);
        }
        return rows;
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string path)
    {
        using var text = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(text);
    }
}
