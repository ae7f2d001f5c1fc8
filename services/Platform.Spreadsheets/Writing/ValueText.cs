using System.Globalization;
using Platform.Spreadsheets.Schema;
using Platform.Spreadsheets.Values;

namespace Platform.Spreadsheets.Writing;

/// <summary>
/// Values as text in a number format, written so that the reader reads them back exactly: decimals keep every
/// digit and no grouping (<c>1234,56</c> / <c>1234.56</c>), dates day-first in Italian or ISO in plain.
/// </summary>
internal static class ValueText
{
    public static string Format(object? value, ColumnDefinition column, NumberFormat format) => Checked(value, column) switch
    {
        null => "",
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => Number(number, format),
        DateOnly date => date.ToString(format == NumberFormat.Plain ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture),
        var other => throw new ArgumentException($"Column '{column.Name}' cannot hold a {other.GetType().Name}.", nameof(value)),
    };

    public static string Number(decimal number, NumberFormat format)
    {
        var invariant = number.ToString(CultureInfo.InvariantCulture);
        return format == NumberFormat.Plain ? invariant : invariant.Replace('.', ',');
    }

    /// <summary>The value in the one type its column's kind holds; a mismatch is the exporting service's bug.</summary>
    public static object? Checked(object? value, ColumnDefinition column) => (column.Kind, value) switch
    {
        (_, null) => null,
        (ColumnKind.Text or ColumnKind.Code, string text) => text,
        (ColumnKind.Integer, long or int or short) => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        (ColumnKind.Decimal or ColumnKind.Money, decimal number) => number,
        (ColumnKind.Decimal or ColumnKind.Money, long or int) => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        (ColumnKind.Date, DateOnly date) => date,
        (ColumnKind.Date, DateTime moment) => DateOnly.FromDateTime(moment),
        _ => throw new ArgumentException($"Column '{column.Name}' ({column.Kind}) cannot hold a {value.GetType().Name}.", nameof(value)),
    };

    public static string Header(ColumnDefinition column, HeaderLanguage language) =>
        language == HeaderLanguage.English ? column.EnglishHeader : column.ItalianHeader;
}
