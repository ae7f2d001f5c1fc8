namespace Platform.Spreadsheets.Reading;

/// <summary>
/// Picks the delimiter from the header line: the most frequent of <c>;</c>, <c>,</c> and tab outside quotes.
/// A tie goes to <c>;</c>, which Excel in Italy writes; a single-column file reads the same with any of them.
/// </summary>
internal static class CsvDelimiter
{
    private static readonly char[] Candidates = [';', ',', '\t'];

    /// <summary>
    /// Excel's own declaration, a first line <c>sep=;</c>: Excel hides that line, so it is no row; null without one.
    /// </summary>
    public static char? Declared(ReadOnlySpan<char> text) =>
        text.Length >= 5 && text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) && (text.Length == 5 || text[5] is '\r' or '\n')
            ? text[4]
            : null;

    public static char FromHeaderLine(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[Candidates.Length];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && Candidates.AsSpan().IndexOf(c) is var index and >= 0) counts[index]++;
        }
        var best = 0;
        for (var i = 1; i < counts.Length; i++)
            if (counts[i] > counts[best]) best = i;
        return Candidates[best];
    }
}
