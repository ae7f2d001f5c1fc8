using Platform.Objectives.V1;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Errors;

namespace Platform.Objectives.Plans;

/// <summary>The rules a plan must satisfy, whether it is being created or updated.</summary>
public static class PlanValidation
{
    public const int MinYear = 1900;
    public const int MaxYear = 2200;

    public static readonly IReadOnlySet<string> UpdatableFields =
        new HashSet<string> { "title", "kind", "start_year", "end_year", "description" };

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
        var startOk = validator.Range(plan.StartYear, MinYear, MaxYear, "plan.start_year");
        var endOk = validator.Range(plan.EndYear, MinYear, MaxYear, "plan.end_year");
        if (startOk && endOk)
            validator.Check(plan.StartYear <= plan.EndYear, "plan.end_year", "must not be before start_year");
        validator.MaxLength(plan.Description, 20_000, "plan.description");
    }
}
