using Platform.Objectives.Plans;
using Platform.ServiceDefaults.Imports;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using static Platform.Spreadsheets.Schema.ColumnDefinition;

namespace Platform.Objectives.Reports;

/// <summary>
/// The progress reports file (kind <c>progress-reports</c>, "stati di attuazione"): one row per report on an
/// objective of the plan, written with CreateProgressReport's rules. States are read by their Italian labels
/// (<c>In linea</c>, <c>In ritardo</c>...) or the contract's names (<c>ON_TRACK</c>); export writes the labels.
/// </summary>
public static class ReportImportKind
{
    public const string Name = "progress-reports";

    public static readonly TableSchema Schema = new(
        RequiredColumn("objective", ColumnKind.Code, "Codice obiettivo", "Objective code", "Obiettivo", "Codice"),
        RequiredColumn("period", ColumnKind.Code, "Periodo", "Period"),
        RequiredColumn("state", ColumnKind.Text, "Stato", "State"),
        OptionalColumn("status_text", ColumnKind.Text, "Stato di attuazione", "Status text", "Stato attuazione"),
        OptionalColumn("corrective_actions", ColumnKind.Text, "Azioni correttive", "Corrective actions"),
        OptionalColumn("author", ColumnKind.Text, "Autore", "Author"),
        OptionalColumn("report_id", ColumnKind.Code, "Id rapporto", "Report id", "Identificativo"),
        OptionalColumn("as_of_date", ColumnKind.Date, "Data di rilevazione", "As of date", "Aggiornato al", "Data"));

    /// <summary>Italian labels of each state, the first one written on export; compared like headers (case and accents aside).</summary>
    private static readonly (ProgressReport.Types.State State, string[] Labels)[] Labels =
    [
        (ProgressReport.Types.State.NotStarted, ["Non avviato", "Non iniziato", "Da avviare"]),
        (ProgressReport.Types.State.OnTrack, ["In linea", "In corso", "Regolare"]),
        (ProgressReport.Types.State.AtRisk, ["A rischio", "Critico"]),
        (ProgressReport.Types.State.Late, ["In ritardo", "Ritardo"]),
        (ProgressReport.Types.State.Done, ["Concluso", "Completato", "Realizzato"]),
        (ProgressReport.Types.State.Cancelled, ["Annullato", "Cancellato"]),
    ];

    private static readonly Dictionary<string, ProgressReport.Types.State> StateByFoldedName = Labels
        .SelectMany(l => l.Labels.Append(EnumName(l.State)).Select(label => (HeaderText.Fold(label), l.State)))
        .ToDictionary(x => x.Item1, x => x.Item2);

    public static ImportKind<CreateProgressReportRequest> For(string planId, RequestIdentity who, ReportStore reports)
    {
        PlanRow? plan = null; // read once per import: every row is written in the same transaction
        return new(Name, Schema, ["objective", "period"],
            Read: row => Request(planId, row),
            Write: async (connection, transaction, request, ct) =>
            {
                var validator = new RequestValidator();
                var reportId = ReportValidation.Validate(request, validator);
                validator.ThrowIfInvalid();
                plan ??= await PlanStore.LoadForWriteAsync(connection, transaction, who, planId, null, ct, requireWritable: true);
                var code = ResourceNames.Parse<ObjectiveName>(request.Parent, "parent").Code;
                try
                {
                    await reports.CreateAsync(connection, transaction, who, plan, code, reportId, request.Report, ct);
                }
                catch (RpcException missing) when (missing.StatusCode == StatusCode.NotFound) // the plan is loaded: the objective is missing
                {
                    throw ApiErrors.InvalidArgument("parent", $"must be an objective of plans/{planId}");
                }
            },
            ColumnOfField: field => field switch
            {
                "parent" => "objective",
                "report_id" => "report_id",
                _ when field.StartsWith("report.", StringComparison.Ordinal) && Schema.Columns.Any(c => c.Name == field[7..]) => field[7..],
                _ => null,
            });
    }

    private static CreateProgressReportRequest Request(string planId, ImportRow row)
    {
        var state = row.Text("state") ?? "";
        return new CreateProgressReportRequest
        {
            Parent = ObjectiveName.Format(planId, row.Text("objective") ?? ""),
            ReportId = row.Text("report_id") ?? "",
            Report = new ProgressReport
            {
                Period = row.Text("period") ?? "",
                State = state.Length == 0 ? ProgressReport.Types.State.Unspecified // the rules say it is required
                    : StateByFoldedName.TryGetValue(HeaderText.Fold(state), out var known) ? known
                    : throw ApiErrors.InvalidArgument("report.state", "must be one of NOT_STARTED, ON_TRACK, AT_RISK, LATE, DONE or CANCELLED"),
                StatusText = row.Text("status_text") ?? "",
                CorrectiveActions = row.Text("corrective_actions") ?? "",
                Author = row.Text("author") ?? "",
                AsOfDate = row.Date("as_of_date")?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            },
        };
    }

    /// <summary>A report of the objective <paramref name="code"/> as a row of <see cref="Schema"/>.</summary>
    public static IReadOnlyList<object?> Row(string code, ProgressReport report) =>
    [
        code, report.Period, Labels.Single(l => l.State == report.State).Labels[0], report.StatusText, report.CorrectiveActions,
        report.Author, ReportValidation.ParseName(report.Name).ReportId,
        report.AsOfDate.Length > 0 ? DateOnly.ParseExact(report.AsOfDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
    ];

    private static string EnumName(ProgressReport.Types.State state) =>
        ProgressReport.Descriptor.FindFieldByName("state").EnumType.FindValueByNumber((int)state).Name;
}
