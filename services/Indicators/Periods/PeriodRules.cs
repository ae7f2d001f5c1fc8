using Platform.Indicators.Achievement;
using Platform.Indicators.Definitions;
using Platform.Indicators.Formulas;

namespace Platform.Indicators.Periods;

/// <summary>
/// The rules of a period's values: the masked fields are merged like every other resource's
/// (<see cref="UpdateMasks.Apply"/>), then checked against the indicator; an actual is typed in or computed from
/// the formula's variables, never both. What the source printed (achievement, breach flag) is stored as given,
/// for the data-quality checks, and never enters a computation. Pure: the store reads and writes.
/// </summary>
public static class PeriodRules
{
    public static readonly IReadOnlySet<string> UpdatableFields =
        new HashSet<string> { "target", "target_high", "actual", "variables", "note", "evidence_uri", "printed_achievement", "printed_breach" };

    /// <summary>A closed period (its actual approved) changes only after an admin reopens it.</summary>
    public static void EnsureOpen(PeriodRow current)
    {
        if (current.Closed)
            throw ApiErrors.InvalidArgument("period.name",
                $"{current.ResourceName} is closed (its actual is approved); an admin must reopen it before it can change");
    }

    /// <summary>The period after the masked changes, or INVALID_ARGUMENT with every violation.</summary>
    public static PeriodRow Apply(IndicatorRow indicator, PeriodRow row, Period changes, IReadOnlySet<string> paths)
    {
        var merged = Editable(indicator, row);
        UpdateMasks.Apply(merged, changes, paths);

        var validator = new RequestValidator();
        var next = row with
        {
            Target = ParseOptional(merged.Target, "period.target", validator, IndicatorValidation.MaxScale),
            TargetHigh = ParseOptional(merged.TargetHigh, "period.target_high", validator, IndicatorValidation.MaxScale),
        };
        if (validator.MaxLength(merged.Note, 20_000, "period.note")) next = next with { Note = merged.Note };
        var uri = merged.EvidenceUri.Trim();
        if (validator.MaxLength(uri, 2000, "period.evidence_uri") &&
            validator.Check(uri.Length == 0 || Uri.TryCreate(uri, UriKind.Absolute, out _), "period.evidence_uri", "must be an absolute URI"))
            next = next with { EvidenceUri = uri };
        next = Printed(indicator, next, merged, paths, validator);

        // Which way the actual comes is the client's intent, so it is read from the mask, not from the merge.
        var typed = paths.Contains("actual") && changes.Actual.Length > 0;
        var withVariables = paths.Contains("variables") && changes.Variables.Count > 0;
        if (typed && withVariables)
            validator.Add("period.actual", "is computed from the variables through the formula: send either an actual or variable values");
        else if (withVariables)
            next = Compute(indicator, next, merged, validator);
        else if (paths.Contains("actual"))
            next = next with
            {
                Actual = ParseOptional(merged.Actual, "period.actual", validator, indicator.Decimals),
                ActualComputed = false,
                Variables = "{}",
            };
        else if (paths.Contains("variables"))
            next = next with { Variables = "{}", Actual = next.ActualComputed ? null : next.Actual, ActualComputed = false };

        if (validator.IsValid && AchievementRules.TargetProblem(indicator.Settings, next.Target, next.TargetHigh) is { } problem)
            validator.Add("period.target", problem);
        validator.ThrowIfInvalid();
        return next;
    }

    /// <summary>The updatable fields of a stored period, as the API writes them.</summary>
    private static Period Editable(IndicatorRow indicator, PeriodRow row)
    {
        var period = new Period
        {
            Target = indicator.FormatValue(row.Target),
            TargetHigh = indicator.FormatValue(row.TargetHigh),
            Actual = indicator.FormatValue(row.Actual),
            Variables = { row.VariableValues },
            Note = row.Note,
            EvidenceUri = row.EvidenceUri,
            PrintedAchievement = row.PrintedAchievementText,
        };
        if (row.PrintedBreach is { } breach) period.PrintedBreach = breach;
        return period;
    }

    /// <summary>The printed values after the merge; a breach flag sent needs a threshold to be checked against.</summary>
    private static PeriodRow Printed(IndicatorRow indicator, PeriodRow row, Period merged, IReadOnlySet<string> paths, RequestValidator validator)
    {
        var breach = merged.HasPrintedBreach ? merged.PrintedBreach : (bool?)null;
        if (breach is not null && paths.Contains("printed_breach") && indicator.ThresholdValue is null)
            validator.Add("period.printed_breach", $"{indicator.ResourceName} has no threshold: a printed breach flag cannot be checked against one");
        return row with
        {
            PrintedAchievement = ParseOptional(merged.PrintedAchievement, "period.printed_achievement", validator, IndicatorValidation.MaxScale),
            PrintedBreach = breach,
        };
    }

    private static PeriodRow Compute(IndicatorRow indicator, PeriodRow row, Period merged, RequestValidator validator)
    {
        if (indicator.Formula.Length == 0)
        {
            validator.Add("period.variables", $"{indicator.ResourceName} has no formula: type the actual instead");
            return row;
        }
        var declared = indicator.VariableList;
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, text) in merged.Variables)
        {
            var field = $"period.variables[\"{name}\"]";
            if (!declared.Contains(name))
                validator.Add(field, $"is not a variable of the formula (declared: {string.Join(", ", declared)})");
            else if (Decimals.TryParse(text, field, validator, IndicatorValidation.MaxScale, out var value))
                values[name] = value;
        }
        var formula = Formula.Parse(indicator.Formula, declared);
        foreach (var missing in formula.Variables.Where(v => !merged.Variables.ContainsKey(v)).Order(StringComparer.Ordinal))
            validator.Add("period.variables", $"needs a value for '{missing}' (formula: {indicator.Formula})");
        if (!validator.IsValid) return row;
        try
        {
            var actual = Decimals.RoundHalfUp(formula.Evaluate(values), indicator.Decimals);
            return row with { Actual = actual, ActualComputed = true, Variables = PeriodRow.SerializeVariables(merged.Variables) };
        }
        catch (FormulaException e)
        {
            validator.Add("period.variables", $"cannot compute {indicator.Formula}: {e.Message}");
            return row;
        }
    }

    private static decimal? ParseOptional(string text, string field, RequestValidator validator, int maxScale) =>
        text.Length == 0 ? null : Decimals.TryParse(text, field, validator, maxScale, out var value) ? value : null;
}
