namespace Platform.Indicators.Periods;

/// <summary>The rules of a time-series request: 1-<see cref="MaxSeries"/> indicators, open or bounded years.</summary>
public static class SeriesValidation
{
    public const int MaxSeries = 100;

    /// <summary>The ids of the indicators named, in request order, or INVALID_ARGUMENT with every violation.</summary>
    public static IReadOnlyList<string> Validate(BatchGetTimeSeriesRequest request)
    {
        var validator = new RequestValidator();
        validator.Check(request.Names.Count > 0, "names", "must name at least one indicator");
        validator.Check(request.Names.Count <= MaxSeries, "names", $"must name at most {MaxSeries} indicators");
        if (request.StartYear != 0 && request.EndYear != 0)
            validator.YearSpan(request.StartYear, request.EndYear, "start_year", "end_year");
        else if (request.StartYear != 0) validator.Year(request.StartYear, "start_year");
        else if (request.EndYear != 0) validator.Year(request.EndYear, "end_year");
        var ids = new List<string>();
        for (var i = 0; i < request.Names.Count; i++)
            if (ResourceNames.Check<IndicatorName>(validator, request.Names[i], $"names[{i}]", out var name))
                ids.Add(name.IndicatorId);
        validator.ThrowIfInvalid();
        return ids;
    }
}
