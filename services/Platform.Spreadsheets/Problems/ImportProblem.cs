namespace Platform.Spreadsheets.Problems;

/// <summary>
/// One mistake found in a file: where it is (sheet, row as the spreadsheet numbers it with the header as row 1,
/// column header as the file writes it), the offending value clipped for display, an Italian message for the
/// person who made the file, and a stable <see cref="Code"/> (see <see cref="ProblemCodes"/>) for programs.
/// </summary>
public sealed record ImportProblem(string Code, string? Sheet, int? Row, string? Column, string? Value, string Message)
{
    public const int MaxValueLength = 100;

    public static ImportProblem Create(string code, string? sheet, int? row, string? column, string? value, string message) =>
        new(code, sheet, row, column, Clip(value), message);

    /// <summary>Shortens long values to about <see cref="MaxValueLength"/> characters for display.</summary>
    public static string? Clip(string? value) =>
        value is null || value.Length <= MaxValueLength ? value : string.Concat(value.AsSpan(0, MaxValueLength - 1), "…");
}
