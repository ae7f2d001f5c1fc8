using System.Text;

namespace Platform.ServiceDefaults.Text;

/// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, line breaks inside quotes.</summary>
public static class Csv
{
    /// <summary>Rows as dictionaries keyed by the header row.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRecords(TextReader reader)
    {
        var rows = ReadRows(reader).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0];
        return rows.Skip(1)
            .Where(r => r.Count > 1 || r[0].Length > 0)
            .Select(r => (IReadOnlyDictionary<string, string>)header
                .Select((name, i) => (name, value: i < r.Count ? r[i] : ""))
                .ToDictionary(x => x.name, x => x.value))
            .ToList();
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRecords(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return ReadRecords(reader);
    }

    public static IEnumerable<IReadOnlyList<string>> ReadRows(TextReader reader)
    {
        var field = new StringBuilder();
        var row = new List<string>();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString()); field.Clear();
                    yield return row;
                    row = [];
                    break;
                default: field.Append(ch); break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
