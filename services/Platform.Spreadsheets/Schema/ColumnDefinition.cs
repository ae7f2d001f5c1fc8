namespace Platform.Spreadsheets.Schema;

/// <summary>
/// One column a service declares: its canonical name (what the code uses), the Italian header written on export,
/// the English header, and further accepted aliases. Headers match ignoring case, accents, spaces and punctuation.
/// </summary>
public sealed record ColumnDefinition(
    string Name,
    ColumnKind Kind,
    string ItalianHeader,
    string EnglishHeader,
    bool Required = false,
    IReadOnlyList<string>? Aliases = null)
{
    /// <summary>Every header text that names this column: canonical name, Italian, English and aliases.</summary>
    public IEnumerable<string> AcceptedHeaders =>
        new[] { Name, ItalianHeader, EnglishHeader }.Concat(Aliases ?? []);

    public static ColumnDefinition RequiredColumn(string name, ColumnKind kind, string italian, string english, params string[] aliases) =>
        new(name, kind, italian, english, Required: true, aliases);

    public static ColumnDefinition OptionalColumn(string name, ColumnKind kind, string italian, string english, params string[] aliases) =>
        new(name, kind, italian, english, Required: false, aliases);
}
