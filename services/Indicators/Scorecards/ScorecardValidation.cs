namespace Platform.Indicators.Scorecards;

/// <summary>The rules of scorecard requests: a plan id, a year or a span of at most <see cref="MaxTrendYears"/> years.</summary>
public static class ScorecardValidation
{
    public const int MaxTrendYears = 20;

    /// <summary>Longest objective code a scorecard can be cut at (<c>objective</c>).</summary>
    private const int MaxObjectiveCode = 63;

    public static void Validate(GetScorecardRequest request)
    {
        var validator = new RequestValidator();
        ResourceNames.CheckId(validator, request.Plan, "plan");
        validator.Year(request.Year, "year");
        validator.MaxLength(request.Objective, MaxObjectiveCode, "objective");
        validator.ThrowIfInvalid();
    }

    public static void Validate(GetScorecardTrendRequest request)
    {
        var validator = new RequestValidator();
        ResourceNames.CheckId(validator, request.Plan, "plan");
        if (validator.YearSpan(request.StartYear, request.EndYear, "start_year", "end_year"))
            validator.Check(request.EndYear - request.StartYear < MaxTrendYears, "end_year", $"must be within {MaxTrendYears} years of start_year");
        validator.MaxLength(request.Objective, MaxObjectiveCode, "objective");
        validator.ThrowIfInvalid();
    }
}
