namespace Platform.Objectives.Plans;

/// <summary>The rules a plan must satisfy, whether it is being created or updated.</summary>
public static class PlanValidation
{

    public static readonly IReadOnlySet<string> UpdatableFields =
        new HashSet<string> { "title", "kind", "start_year", "end_year", "description", "levels", "free_child_codes" };

    public const int MaxLevels = 10;

    public static void ValidateCreate(CreatePlanRequest request)
    {
        var validator = new RequestValidator();
        ResourceNames.CheckId(validator, request.PlanId, "plan_id");
        if (validator.Check(request.Plan is not null, "plan", "is required"))
            ValidateFields(request.Plan!, validator);
        validator.ThrowIfInvalid();
    }

    /// <summary>Checks every field of a complete plan; field names are prefixed with <c>plan.</c>.</summary>
    public static void ValidateFields(Plan plan, RequestValidator validator)
    {
        validator.Text(plan.Title, "plan.title", 300);
        validator.Check(plan.Kind != Plan.Types.Kind.Unspecified && Enum.IsDefined(plan.Kind), "plan.kind",
            "is required: one of DUP, PEG, PIAO, PERFORMANCE_PLAN, DEVELOPMENT_PACT, OTHER");
        validator.YearSpan(plan.StartYear, plan.EndYear, "plan.start_year", "plan.end_year");
        validator.MaxLength(plan.Description, 20_000, "plan.description");
        ValidateLevels(plan.Levels, validator);
    }

    /// <summary>Level names: at most ten, each 1-100 characters, no repeats.</summary>
    public static void ValidateLevels(IReadOnlyList<string> levels, RequestValidator validator)
    {
        if (!validator.Check(levels.Count <= MaxLevels, "plan.levels", $"must have at most {MaxLevels} levels")) return;
        for (var i = 0; i < levels.Count; i++)
            validator.Text(levels[i], $"plan.levels[{i}]", 100);
        validator.Check(levels.Select(l => l.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == levels.Count,
            "plan.levels", "must not repeat a level name");
    }

    /// <summary>A level that objectives are at cannot disappear from the plan.</summary>
    public static void CheckLevelsInUse(IReadOnlyList<string> used, IReadOnlyList<string> levels, RequestValidator validator)
    {
        var missing = used.Except(levels, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        validator.Check(missing.Count == 0, "plan.levels", $"must keep the levels objectives are at: {string.Join(", ", missing)}");
    }
}
