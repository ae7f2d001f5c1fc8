using System.Text.RegularExpressions;

namespace Platform.Objectives.Reports;

/// <summary>The rules of progress reports: their names, periods, states and texts.</summary>
public static partial class ReportValidation
{
    [GeneratedRegex(@"^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();

    public static string FormatName(string planId, string code, string reportId) =>
        $"{ObjectiveName.Format(planId, code)}/reports/{reportId}";

    public static (string PlanId, string Code, string ReportId) ParseName(string? name, string field = "name")
    {
        var slash = name?.LastIndexOf("/reports/", StringComparison.Ordinal) ?? -1;
        if (slash > 0 && ObjectiveName.TryParse(name![..slash], out var objective))
        {
            var id = name[(slash + "/reports/".Length)..];
            if (IdPattern().IsMatch(id)) return (objective.PlanId, objective.Code, id);
        }
        throw ApiErrors.InvalidArgument(field, "must look like plans/{plan}/objectives/{code}/reports/{report}");
    }

    public static string Validate(CreateProgressReportRequest request, RequestValidator v)
    {
        if (!v.Check(request.Report is not null, "report", "is required")) return "";
        var r = request.Report!;
        v.Check(PeriodPattern().IsMatch(r.Period), "report.period", "must be a year or a part of one: 2022, 2022-H1, 2022-Q3, 2022-06");
        v.Check(r.State != ProgressReport.Types.State.Unspecified && Enum.IsDefined(r.State), "report.state",
            "is required: NOT_STARTED, ON_TRACK, AT_RISK, LATE, DONE or CANCELLED");
        v.MaxLength(r.StatusText, 50_000, "report.status_text");
        v.MaxLength(r.CorrectiveActions, 50_000, "report.corrective_actions");
        v.MaxLength(r.Author, 200, "report.author");
        v.Date(r.AsOfDate, "report.as_of_date");
        var id = request.ReportId.Length > 0 ? request.ReportId : r.Period.ToLowerInvariant();
        if (request.ReportId.Length > 0 || PeriodPattern().IsMatch(r.Period))
            v.Check(IdPattern().IsMatch(id), "report_id", "must be 1-63 lowercase letters, digits or hyphens");
        return id;
    }
}
