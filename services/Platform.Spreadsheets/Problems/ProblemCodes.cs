namespace Platform.Spreadsheets.Problems;

/// <summary>Stable machine codes of <see cref="ImportProblem"/>s; never rename one, clients match on them.</summary>
public static class ProblemCodes
{
    public const string UnreadableFile = "unreadable_file";
    public const string BadEncoding = "bad_encoding";
    public const string EmptyFile = "empty_file";
    public const string FileTooLarge = "file_too_large";
    public const string MissingSheet = "missing_sheet";
    public const string MissingColumn = "missing_column";
    public const string UnknownColumn = "unknown_column";
    public const string DuplicateColumn = "duplicate_column";
    public const string MissingValue = "missing_value";
    public const string BadNumber = "bad_number";
    public const string AmbiguousNumber = "ambiguous_number";
    public const string MixedNumberFormat = "mixed_number_format";
    public const string BadDate = "bad_date";
    public const string BadCode = "bad_code";
    public const string CellError = "cell_error";
    public const string DuplicateRow = "duplicate_row";
}
