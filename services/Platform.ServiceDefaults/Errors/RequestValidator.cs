using Google.Rpc;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Collects field violations for one request and throws them together as INVALID_ARGUMENT with a
/// <c>google.rpc.BadRequest</c> detail, so a client sees every mistake at once.
/// </summary>
public sealed class RequestValidator
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public IReadOnlyList<BadRequest.Types.FieldViolation> Violations => _violations;

    public RequestValidator Add(string field, string description)
    {
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    /// <summary>Adds a violation when <paramref name="condition"/> is false; returns the condition.</summary>
    public bool Check(bool condition, string field, string description)
    {
        if (!condition) Add(field, description);
        return condition;
    }

    public bool Required(string? value, string field) =>
        Check(!string.IsNullOrWhiteSpace(value), field, "is required");

    public bool MaxLength(string? value, int max, string field) =>
        Check(value is null || value.Length <= max, field, $"must be at most {max} characters");

    /// <summary>Required, trimmed length within bounds.</summary>
    public bool Text(string? value, string field, int max, bool required = true) =>
        (!required || Required(value, field)) && MaxLength(value, max, field);

    public bool Range(int value, int min, int max, string field) =>
        Check(value >= min && value <= max, field, $"must be between {min} and {max}");

    /// <summary>Years the platform plans for: a typo such as 20223 is refused, history and long plans are not.</summary>
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    public bool Year(int year, string field) => Range(year, MinYear, MaxYear, field);

    /// <summary>An optional calendar day written <c>yyyy-MM-dd</c>, in the years the platform plans for.</summary>
    public bool Date(string? value, string field) =>
        string.IsNullOrEmpty(value) || Check(
            DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var day) && day.Year is >= MinYear and <= MaxYear,
            field, $"must be a date written yyyy-MM-dd (e.g. 2022-06-30) between {MinYear} and {MaxYear}");

    /// <summary>Two valid years, the end not before the start (a violation on <paramref name="endField"/>).</summary>
    public bool YearSpan(int start, int end, string startField, string endField)
    {
        var valid = Year(start, startField) & Year(end, endField);
        return valid && Check(start <= end, endField, $"must not be before {startField[(startField.LastIndexOf('.') + 1)..]}");
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw ApiErrors.InvalidArgument(_violations);
    }
}
