using System.Globalization;
using Platform.Objectives.Plans;
using Platform.ServiceDefaults.Imports;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using static Platform.Spreadsheets.Schema.ColumnDefinition;
using static Platform.Spreadsheets.Schema.ColumnFamily;

namespace Platform.Objectives.Objectives;

/// <summary>
/// The objectives file (kind <c>objectives</c>): one row per objective of any level, parents before their
/// children, every field CreateObjective takes; each row is created with CreateObjective's rules. Lists are
/// separated by ';' (or line breaks); yearly actions are the columns <c>Azioni 2023</c>, <c>Azioni 2024</c>...
/// and custom fields the columns <c>Campo chiave</c>. Export writes the same columns, so a file read back gives
/// the same objectives.
/// </summary>
public static class ObjectiveImportKind
{
    public const string Name = "objectives";
    private const string Actions = "actions";
    private const string Fields = "field";

    public static readonly TableSchema Schema = new(
        [
            RequiredColumn("code", ColumnKind.Code, "Codice", "Code"),
            RequiredColumn("title", ColumnKind.Text, "Titolo", "Title", "Obiettivo", "Denominazione"),
            OptionalColumn("parent", ColumnKind.Code, "Codice padre", "Parent code", "Padre"),
            OptionalColumn("level", ColumnKind.Text, "Livello", "Level"),
            OptionalColumn("description", ColumnKind.Text, "Descrizione", "Description", "Definizione"),
            OptionalColumn("political_owners", ColumnKind.Text, "Responsabile politico", "Political owners", "Assessore"),
            OptionalColumn("manager", ColumnKind.Text, "Responsabile gestionale", "Manager", "Dirigente"),
            OptionalColumn("lead_sector", ColumnKind.Text, "Settore", "Lead sector", "Settore capofila"),
            OptionalColumn("involved_sectors", ColumnKind.Text, "Settori coinvolti", "Involved sectors"),
            OptionalColumn("partners", ColumnKind.Text, "Enti GAP", "Partners", "Partner", "Enti del GAP"),
            OptionalColumn("stakeholders", ColumnKind.Text, "Stakeholder", "Stakeholders", "Portatori di interesse"),
            OptionalColumn("mission_codes", ColumnKind.Text, "Missione", "Mission", "Missioni"),
            OptionalColumn("programme_codes", ColumnKind.Text, "Programma", "Programme", "Programmi"),
            OptionalColumn("sdg_goals", ColumnKind.Text, "SDG", "SDG goals", "Obiettivi SDG"),
            OptionalColumn("five_ps", ColumnKind.Text, "5P", "Five Ps", "Cinque P"),
            OptionalColumn("tags", ColumnKind.Text, "Etichette", "Tags", "Tag"),
            OptionalColumn("promoters", ColumnKind.Text, "Promotori", "Promoters", "Soggetti promotori"),
            OptionalColumn("estimated_cost", ColumnKind.Money, "Costo stimato", "Estimated cost", "Costo"),
            OptionalColumn("funding_sources", ColumnKind.Text, "Fonti di finanziamento", "Funding sources", "Finanziamento"),
            OptionalColumn("project_state", ColumnKind.Text, "Stato del progetto", "Project state"),
        ],
        [Family(Actions, ColumnKind.Text, "Azioni", "Actions", "Azione"), Family(Fields, ColumnKind.Text, "Campo", "Field")]);

    /// <summary>The five Ps by their Italian names, beside the contract's own names.</summary>
    private static readonly Dictionary<string, string> FivePByItalianName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Persone"] = "PEOPLE", ["Pianeta"] = "PLANET", ["Prosperità"] = "PROSPERITY", ["Prosperita"] = "PROSPERITY",
        ["Pace"] = "PEACE", ["Partnership"] = "PARTNERSHIP", ["Partenariato"] = "PARTNERSHIP",
    };

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
            PoliticalOwners = { ImportLists.Split(row.Text("political_owners")) },
            InvolvedSectors = { ImportLists.Split(row.Text("involved_sectors")) },
            Partners = { ImportLists.Split(row.Text("partners")) },
            Stakeholders = { ImportLists.Split(row.Text("stakeholders")) },
            MissionCodes = { ImportLists.Split(row.Text("mission_codes")) },
            ProgrammeCodes = { ImportLists.Split(row.Text("programme_codes")) },
            FivePs = { ImportLists.Split(row.Text("five_ps")).Select(p => FivePByItalianName.GetValueOrDefault(p, p.ToUpperInvariant())) },
            Tags = { ImportLists.Split(row.Text("tags")) },
            Promoters = { ImportLists.Split(row.Text("promoters")) },
            FundingSources = { ImportLists.Split(row.Text("funding_sources")) },
            ProjectState = row.Text("project_state") ?? "",
            EstimatedCost = row.Decimal("estimated_cost") is { } cost ? Money(cost) : "",
        };
        foreach (var goal in ImportLists.Split(row.Text("sdg_goals")))
            objective.SdgGoals.Add(int.TryParse(goal, out var number) ? number
                : throw ApiErrors.InvalidArgument("objective.sdg_goals", "must be numbers from 1 to 17"));
        foreach (var (key, text) in row.Family(Actions))
            objective.YearlyActions[int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year
                : throw ApiErrors.InvalidArgument("objective.yearly_actions", $"'Azioni {key}' must name a year, such as Azioni 2023")] = (string)text;
        foreach (var (key, text) in row.Family(Fields)) objective.CustomFields[key] = (string)text;
        return new CreateObjectiveRequest { Parent = PlanName.Format(planId), ObjectiveId = row.Text("code") ?? "", Objective = objective };
    }

    /// <summary>An amount as the contract's exact decimal string, with at least the two decimals of euro cents.</summary>
    private static string Money(decimal amount) =>
        amount.ToString(amount.Scale <= 2 ? "0.00" : null, CultureInfo.InvariantCulture);

    /// <summary>The schema of an export of <paramref name="objectives"/>: a column per year of action and per custom field they have.</summary>
    public static TableSchema ExportSchema(IEnumerable<Objective> objectives)
    {
        var all = objectives.ToList();
        var years = all.SelectMany(o => o.YearlyActions.Keys).Distinct().Order()
            .Select(y => (Actions, y.ToString(CultureInfo.InvariantCulture)));
        var keys = all.SelectMany(o => o.CustomFields.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => (Fields, k));
        return Schema.WithMembers(years.Concat(keys));
    }

    /// <summary>An objective as a row of <paramref name="schema"/> (one from <see cref="ExportSchema"/>).</summary>
    public static IReadOnlyList<object?> Row(Objective o, TableSchema schema) => schema.Columns.Select(object? (c) => c.Name switch
    {
        "code" => o.Code,
        "title" => o.Title,
        "parent" => o.Parent.Length > 0 ? ResourceNames.Parse<ObjectiveName>(o.Parent).Code : null,
        "level" => o.Level,
        "description" => o.Description,
        "political_owners" => ImportLists.Join(o.PoliticalOwners),
        "manager" => o.Manager,
        "lead_sector" => o.LeadSector,
        "involved_sectors" => ImportLists.Join(o.InvolvedSectors),
        "partners" => ImportLists.Join(o.Partners),
        "stakeholders" => ImportLists.Join(o.Stakeholders),
        "mission_codes" => ImportLists.Join(o.MissionCodes),
        "programme_codes" => ImportLists.Join(o.ProgrammeCodes),
        "sdg_goals" => ImportLists.Join(o.SdgGoals.Select(g => g.ToString(CultureInfo.InvariantCulture))),
        "five_ps" => ImportLists.Join(o.FivePs),
        "tags" => ImportLists.Join(o.Tags),
        "promoters" => ImportLists.Join(o.Promoters),
        "estimated_cost" => o.EstimatedCost.Length > 0 ? decimal.Parse(o.EstimatedCost, CultureInfo.InvariantCulture) : null,
        "funding_sources" => ImportLists.Join(o.FundingSources),
        "project_state" => o.ProjectState,
        var member when member.StartsWith(Actions + "_", StringComparison.Ordinal) =>
            o.YearlyActions.GetValueOrDefault(int.Parse(member[(Actions.Length + 1)..], CultureInfo.InvariantCulture)),
        var member => o.CustomFields.GetValueOrDefault(member[(Fields.Length + 1)..]),
    }).ToList();

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
