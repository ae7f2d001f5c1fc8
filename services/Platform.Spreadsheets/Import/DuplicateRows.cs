using System.Globalization;
using Platform.Spreadsheets.Problems;
using Platform.Spreadsheets.Schema;

namespace Platform.Spreadsheets.Import;

/// <summary>
/// Remembers the key of every row read (the caller's key columns) and reports a row that repeats one. Keys compare
/// by value: text ignoring case, numbers ignoring trailing zeros. Rows lacking a key value are not compared.
/// </summary>
internal sealed class DuplicateRows(TableSchema schema, IReadOnlyList<string> keyColumns)
{
    private readonly int[] keys = keyColumns.Select(schema.IndexOf).ToArray();
    private readonly Dictionary<string, (string? Sheet, int Row)> firstRowByKey = new(StringComparer.Ordinal);

    public ImportProblem? Check(string? sheet, int row, object?[] values, Func<int, string> header)
    {
        if (keys.Length == 0 || keys.Any(k => values[k] is null)) return null;
        var key = string.Join('\u001F', keys.Select(k => Canonical(values[k]!)));
        if (firstRowByKey.TryAdd(key, (sheet, row))) return null;
        var first = firstRowByKey[key];
        var described = string.Join(", ", keys.Select(k => $"{header(k)} «{Shown(values[k]!)}»"));
        var where = first.Sheet == sheet ? first.Row.ToString(CultureInfo.InvariantCulture) : $"{first.Row} del foglio «{first.Sheet}»";
        return ImportProblem.Create(ProblemCodes.DuplicateRow, sheet, row, header(keys[0]), Shown(values[keys[0]]!),
            ProblemMessages.DuplicateRow(described, where));
    }

    private static string Canonical(object value) => value switch
    {
        string text => text.ToUpperInvariant(),
        decimal number => (number / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Shown(object value) => value switch
    {
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
