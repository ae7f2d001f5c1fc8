namespace Platform.Spreadsheets.Values;

/// <summary>Takes the euro sign and the spaces around it off an amount: <c>€ 1.234,56</c>, <c>-€1.234,56</c>, <c>1.234,56 €</c>.</summary>
internal static class Money
{
    public static string WithoutCurrency(string text)
    {
        var euro = text.IndexOf('€');
        if (euro < 0) return text;
        var rest = string.Concat(text.AsSpan(0, euro), text.AsSpan(euro + 1));
        return Spaces.RemoveAll(rest);
    }
}

/// <summary>Spaces as spreadsheets write them: ordinary, non-breaking (U+00A0) and narrow non-breaking (U+202F).</summary>
internal static class Spaces
{
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\u00A0' or '\u202F';

    public static string Trim(string text) => text.Trim().Trim('\u00A0', '\u202F', ' ', '\t');

    public static string RemoveAll(string text) => string.Concat(text.Where(c => !IsSpace(c)));

    public static bool ContainsAny(string text) => text.Any(IsSpace);
}
