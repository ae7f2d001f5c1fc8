namespace Platform.Objectives;

/// <summary>Lists in one spreadsheet cell: items separated by ';' or line breaks, written back as <c>a; b</c>.</summary>
public static class ImportLists
{
    public static IEnumerable<string> Split(string? cell) =>
        (cell ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? Join(IEnumerable<string> items) => string.Join("; ", items) is { Length: > 0 } joined ? joined : null;
}
