using Platform.Spreadsheets.Schema;

namespace Platform.Indicators.Imports;

/// <summary>
/// The words a spreadsheet uses for an enum's values: the Italian label written on export, and the Italian
/// label or the contract's English name (<c>HIGHER_IS_BETTER</c>) read on import, ignoring case and accents.
/// </summary>
public sealed class ItalianLabels<TEnum>(params (TEnum Value, string Label)[] labels) where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> byFolded = labels
        .SelectMany(l => new[] { (Key(l.Label), l.Value), (Key(l.Value.ToString()), l.Value) })
        .DistinctBy(l => l.Item1)
        .ToDictionary(l => l.Item1, l => l.Value);

    /// <summary>The labels in order, for messages: "Crescente, Decrescente, ...".</summary>
    public string Choices => string.Join(", ", labels.Select(l => l.Label).Distinct());

    /// <summary>Words compare without case, accents and punctuation; symbols (<c>&gt;=</c>) as written.</summary>
    private static string Key(string text) => HeaderText.Fold(text) is { Length: > 0 } folded ? folded : text.Trim();

    public string Label(TEnum value) => labels.First(l => l.Value.Equals(value)).Label;

    /// <summary>The value a cell names, or adds a violation on <paramref name="field"/>; blank is the enum's zero.</summary>
    public TEnum Read(string? text, string field, RequestValidator validator)
    {
        if (string.IsNullOrWhiteSpace(text)) return default;
        if (byFolded.TryGetValue(Key(text), out var value)) return value;
        validator.Add(field, $"'{text}' non è un valore ammesso: usa {Choices}");
        return default;
    }
}
