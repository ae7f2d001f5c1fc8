using Platform.Reference;

namespace Platform.Objectives.Objectives;

/// <summary>The rules an objective's card satisfies, on create and after every update.</summary>
public static class ObjectiveValidation
{
    public static readonly IReadOnlySet<string> FivePs =
        new HashSet<string>(StringComparer.Ordinal) { "PEOPLE", "PLANET", "PROSPERITY", "PEACE", "PARTNERSHIP" };

    private const int MaxItems = 100;

    public static void ValidateCreate(CreateObjectiveRequest request, RequestValidator validator)
    {
        validator.Check(ObjectiveName.IsValidCode(request.ObjectiveId), "objective_id", ObjectiveName.CodeRule);
        if (!validator.Check(request.Objective is not null, "objective", "is required")) return;
        var objective = request.Objective!;
        if (objective.Parent.Length > 0)
            validator.Check(ObjectiveName.TryParse(objective.Parent, out _), "objective.parent",
                "must look like plans/{plan}/objectives/{code}");
        validator.MaxLength(objective.Level, 100, "objective.level");
        ValidateCard(objective, validator);
    }

    /// <summary>Checks every card field; names are prefixed with <c>objective.</c>.</summary>
    public static void ValidateCard(Objective o, RequestValidator v)
    {
        v.Text(o.Title, "objective.title", 500);
        v.MaxLength(o.Description, 50_000, "objective.description");
        v.MaxLength(o.Manager, 200, "objective.manager");
        v.MaxLength(o.LeadSector, 200, "objective.lead_sector");
        Items(o.PoliticalOwners, "objective.political_owners", 200, v);
        Items(o.InvolvedSectors, "objective.involved_sectors", 200, v);
        Items(o.Partners, "objective.partners", 500, v);
        Items(o.Stakeholders, "objective.stakeholders", 500, v);
        Items(o.Tags, "objective.tags", 100, v);
        Items(o.Promoters, "objective.promoters", 500, v);
        Items(o.FundingSources, "objective.funding_sources", 500, v);
        v.MaxLength(o.ProjectState, 1000, "objective.project_state");

        var classification = BudgetClassification.National;
        BudgetClassification.Normalise(o.MissionCodes, BudgetClassification.NormaliseMission);
        BudgetClassification.Normalise(o.ProgrammeCodes, BudgetClassification.NormaliseProgramme);
        foreach (var mission in o.MissionCodes)
            v.Check(classification.IsMission(mission), "objective.mission_codes",
                $"'{mission}' is not a mission of D.Lgs. 118/2011 (a number such as 9 or 09)");
        foreach (var programme in o.ProgrammeCodes)
        {
            if (!v.Check(classification.IsProgramme(programme), "objective.programme_codes",
                    $"'{programme}' is not a programme of D.Lgs. 118/2011 (mission.programme such as 9.03, 09.03 or 0903)")) continue;
            if (o.MissionCodes.Count > 0)
                v.Check(o.MissionCodes.Any(m => classification.ProgrammeBelongsTo(programme, m)), "objective.programme_codes",
                    $"'{programme}' does not belong to any of the objective's missions");
        }
        foreach (var goal in o.SdgGoals)
            v.Check(goal is >= 1 and <= 17, "objective.sdg_goals", $"{goal} is not an SDG goal (1-17)");
        v.Check(o.SdgGoals.Distinct().Count() == o.SdgGoals.Count, "objective.sdg_goals", "must not repeat a goal");
        foreach (var p in o.FivePs)
            v.Check(FivePs.Contains(p), "objective.five_ps", $"'{p}' is not one of {string.Join(", ", FivePs)}");
        foreach (var (year, text) in o.YearlyActions)
        {
            v.Check(year is >= 1900 and <= 2200, "objective.yearly_actions", $"{year} is not a year between 1900 and 2200");
            v.MaxLength(text, 20_000, "objective.yearly_actions");
        }
        v.Check(o.CustomFields.Count <= MaxItems, "objective.custom_fields", $"must have at most {MaxItems} entries");
        foreach (var (key, value) in o.CustomFields)
        {
            v.Check(key.Trim().Length is > 0 and <= 100, "objective.custom_fields", "keys must be 1-100 characters");
            v.MaxLength(value, 5_000, "objective.custom_fields");
        }
        if (o.EstimatedCost.Length > 0 && Decimals.TryParse(o.EstimatedCost, "objective.estimated_cost", v, 2, out var cost))
            v.Check(cost >= 0, "objective.estimated_cost", "must not be negative");
    }

    private static void Items(IReadOnlyCollection<string> items, string field, int max, RequestValidator v)
    {
        v.Check(items.Count <= MaxItems, field, $"must have at most {MaxItems} entries");
        foreach (var item in items)
            if (!v.Check(item.Trim().Length is > 0 && item.Length <= max, field, $"entries must be 1-{max} characters")) return;
    }
}
