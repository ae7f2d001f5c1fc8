using Platform.Spreadsheets.Import;

namespace Platform.Finance.Files;

/// <summary>Cells of the Finance files as the API's requests spell them.</summary>
public static class FileCells
{
    /// <summary>An amount as the API's decimal text, every place the file gave kept (the API's rules refuse a third decimal); empty when blank.</summary>
    public static string Money(ImportRow row, string column) => Money(row.Decimal(column));

    public static string Money(object? value) => value is decimal amount ? Decimals.FormatAtLeast(amount, 2) : "";

    /// <summary>A list cell: items separated by <c>;</c> or line breaks.</summary>
    public static IEnumerable<string> List(string? text) =>
        (text ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
