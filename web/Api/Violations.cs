using System.Text.RegularExpressions;

namespace Platform.Web.Api;

/// <summary>
/// The services describe a field violation in English; a reader sees it in Italian. Known descriptions are
/// translated; any other keeps a generic Italian sentence with the service's own words after it.
/// </summary>
public static partial class Violations
{
    public static string Italian(string description) => description switch
    {
        _ when description.StartsWith("must be a decimal number", StringComparison.Ordinal) =>
            "Deve essere un numero, ad esempio 1234,56.",
        _ when description.StartsWith("must be a year or a part of one", StringComparison.Ordinal) =>
            "Periodo non valido: scrivi un anno o una sua parte, ad esempio 2023, 2023-H1, 2023-Q3 o 2023-06.",
        _ when description.StartsWith("is required", StringComparison.Ordinal) => "Campo obbligatorio.",
        _ when description.Contains("is closed", StringComparison.Ordinal) =>
            "Il periodo è chiuso: un amministratore deve riaprirlo prima di modificarlo.",
        _ when NeedsValue().Match(description) is { Success: true } m => $"Serve un valore per «{m.Groups[1].Value}».",
        _ when AtMost().Match(description) is { Success: true } m => $"Al massimo {m.Groups[1].Value} caratteri.",
        _ => $"Valore non accettato dal servizio ({description}).",
    };

    [GeneratedRegex("needs a value for '([^']+)'")]
    private static partial Regex NeedsValue();

    [GeneratedRegex(@"at most (\d+) characters")]
    private static partial Regex AtMost();

    /// <summary>
    /// A number typed the Italian way with only a decimal comma (<c>12,5</c>) is sent as <c>12.5</c>; anything
    /// else is sent as typed, for the service to judge.
    /// </summary>
    public static string DecimalInput(string? typed)
    {
        var text = typed?.Trim() ?? "";
        return text.Count(c => c == ',') == 1 && !text.Contains('.') ? text.Replace(',', '.') : text;
    }
}
