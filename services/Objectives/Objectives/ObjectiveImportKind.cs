using Platform.Objectives.Plans;
using Platform.ServiceDefaults.Imports;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using static Platform.Spreadsheets.Schema.ColumnDefinition;

namespace Platform.Objectives.Objectives;

/// <summary>
/// The objectives file (kind <c>objectives</c>): one row per objective of any level, parents before their
/// children; each row is created with CreateObjective's rules. Lists are separated by ';'.
/// </summary>
public static class ObjectiveImportKind
{
    public const string Name = "objectives";

    public static readonly TableSchema Schema = new(
        RequiredColumn("code", ColumnKind.Code, "Codice", "Code"),
        RequiredColumn("title", ColumnKind.Text, "Titolo", "Title", "Obiettivo", "Denominazione"),
        OptionalColumn("parent", ColumnKind.Code, "Codice padre", "Parent code", "Padre"),
        OptionalColumn("level", ColumnKind.Text, "Livello", "Level"),
        OptionalColumn("description", ColumnKind.Text, "Descrizione", "Description", "Definizione"),
        OptionalColumn("political_owners", ColumnKind.Text, "Responsabile politico", "Political owners", "Assessore"),
        OptionalColumn("manager", ColumnKind.Text, "Responsabile gestionale", "Manager", "Dirigente"),
        OptionalColumn("lead_sector", ColumnKind.Text, "Settore", "Lead sector", "Settore capofila"),
        OptionalColumn("involved_sectors", ColumnKind.Text, "Settori coinvolti", "Involved sectors"),
        OptionalColumn("stakeholders", ColumnKind.Text, "Stakeholder", "Stakeholders", "Portatori di interesse"),
        OptionalColumn("mission_codes", ColumnKind.Code, "Missione", "Mission", "Missioni"),
        OptionalColumn("programme_codes", ColumnKind.Code, "Programma", "Programme", "Programmi"),
        OptionalColumn("sdg_goals", ColumnKind.Text, "SDG", "SDG goals", "Obiettivi SDG"));

    public static ImportKind<CreateObjectiveRequest> For(string planId, RequestIdentity who, ObjectiveStore objectives)
    {
        PlanRow? plan = null; // read once per import: every row is written in the same transaction
        return new(Name, Schema, ["code"],
            Read: row => Request(planId, row),
            Write: async (connection, transaction, request, ct) =>
            {
                var validator = new RequestValidator();
                ObjectiveValidation.ValidateCreate(request, validator);
                validator.ThrowIfInvalid();
                plan ??= await PlanStore.LoadForWriteAsync(connection, transaction, who, planId, null, ct, requireWritable: true);
                await objectives.CreateAsync(connection, transaction, who, plan, request.ObjectiveId, request.Objective, ct);
            },
            ColumnOfField: ColumnOf);
    }

    private static CreateObjectiveRequest Request(string planId, ImportRow row)
    {
        var objective = new Objective
        {
            Title = row.Text("title") ?? "",
            Parent = row.Text("parent") is { Length: > 0 } parent ? ObjectiveName.Format(planId, parent) : "",
            Level = row.Text("level") ?? "",
            Description = row.Text("description") ?? "",
            Manager = row.Text("manager") ?? "",
            LeadSector = row.Text("lead_sector") ?? "",
            PoliticalOwners = { List(row, "political_owners") },
            InvolvedSectors = { List(row, "involved_sectors") },
            Stakeholders = { List(row, "stakeholders") },
            MissionCodes = { List(row, "mission_codes") },
            ProgrammeCodes = { List(row, "programme_codes") },
        };
        foreach (var goal in List(row, "sdg_goals"))
            objective.SdgGoals.Add(int.TryParse(goal, out var number) ? number
                : throw ApiErrors.InvalidArgument("objective.sdg_goals", "must be numbers from 1 to 17"));
        return new CreateObjectiveRequest { Parent = PlanName.Format(planId), ObjectiveId = row.Text("code") ?? "", Objective = objective };
    }

    private static IEnumerable<string> List(ImportRow row, string column) =>
        (row.Text(column) ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The column a violation of CreateObjective names: <c>objective.programme_codes[1]</c> is <c>programme_codes</c>.</summary>
    private static string? ColumnOf(string field)
    {
        if (field == "objective_id") return "code";
        var name = field.StartsWith("objective.", StringComparison.Ordinal) ? field["objective.".Length..] : field;
        var bracket = name.IndexOf('[');
        if (bracket >= 0) name = name[..bracket];
        return Schema.Columns.Any(c => c.Name == name) ? name : null;
    }
}
