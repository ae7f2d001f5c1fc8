using System.Text.RegularExpressions;
using Platform.Objectives.Plans;

namespace Platform.Objectives.Cards;

/// <summary>Progress reports on objectives; the newest one's state and period are copied onto the objective.</summary>
public sealed partial class ReportStore(Database database, AuditLog audit, TimeProvider clock)
{
    [GeneratedRegex(@"^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex IdPattern();

    private const string Columns = """
        tenant_id AS TenantId, plan_id AS PlanId, objective_code AS ObjectiveCode, report_id AS ReportId, seq,
        period, state, status_text AS StatusText, corrective_actions AS CorrectiveActions, author,
        created_at AS CreatedAt, created_by AS CreatedBy
        """;

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
        var id = request.ReportId.Length > 0 ? request.ReportId : r.Period.ToLowerInvariant();
        if (request.ReportId.Length > 0 || PeriodPattern().IsMatch(r.Period))
            v.Check(IdPattern().IsMatch(id), "report_id", "must be 1-63 lowercase letters, digits or hyphens");
        return id;
    }

    public async Task<ProgressReport> CreateAsync(RequestIdentity who, string planId, string code, string reportId,
        ProgressReport report, CancellationToken ct)
    {
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            await PlanStore.LoadForWriteAsync(connection, transaction, who, planId, null, ct, requireWritable: true);
            _ = await ObjectiveStore.LoadAsync(connection, transaction, who, planId, code, ct)
                ?? throw ApiErrors.NotFound(ObjectiveName.Format(planId, code));
            var key = new { who.TenantId, PlanId = planId, Code = code };
            var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COALESCE(MAX(seq), 0) FROM progress_reports WHERE tenant_id = @TenantId AND plan_id = @PlanId AND objective_code = @Code",
                key, transaction, cancellationToken: ct)) + 1;
            var row = new ReportRow(who.TenantId, planId, code, reportId, seq, report.Period,
                ProgressReport.Descriptor.FindFieldByName("state").EnumType.FindValueByNumber((int)report.State).Name, report.StatusText,
                report.CorrectiveActions, report.Author.Trim().Length > 0 ? report.Author.Trim() : who.UserId,
                clock.GetUtcNow().UtcDateTime, who.UserId);
            await connection.InsertAsync(transaction, database.Dialect, """
                INSERT INTO progress_reports (tenant_id, plan_id, objective_code, report_id, seq, period, state, status_text,
                    corrective_actions, author, created_at, created_by)
                VALUES (@TenantId, @PlanId, @ObjectiveCode, @ReportId, @Seq, @Period, @State, @StatusText,
                    @CorrectiveActions, @Author, @CreatedAt, @CreatedBy)
                """, row, row.ResourceName, ct);
            // The objective shows its latest state; this is derived data, so its etag does not change.
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE objectives SET latest_state = @State, latest_period = @Period
                WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code = @ObjectiveCode
                """, row, transaction, cancellationToken: ct));
            var proto = row.ToProto();
            await audit.WriteAsync(connection, transaction, who, row.ResourceName, "create", AuditLog.Snapshot(new Dictionary<string, string?>
            {
                ["period"] = row.Period, ["state"] = row.State, ["status_text"] = row.StatusText,
                ["corrective_actions"] = row.CorrectiveActions, ["author"] = row.Author,
            }), ct);
            return proto;
        }, ct);
    }

    public async Task<ProgressReport> GetAsync(RequestIdentity who, string planId, string code, string reportId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<ReportRow>($"""
            SELECT {Columns} FROM progress_reports
            WHERE tenant_id = @TenantId AND plan_id = @PlanId AND objective_code = @Code AND report_id = @ReportId
            """, new { who.TenantId, PlanId = planId, Code = code, ReportId = reportId }, ct);
        return row?.ToProto() ?? throw ApiErrors.NotFound(FormatName(planId, code, reportId));
    }

    public static string ListFingerprint(string planId, string code) => Paging.Fingerprint("reports", planId, code);

    public async Task<Page<ProgressReport>> ListAsync(RequestIdentity who, string planId, string code, PageRequest paging,
        CancellationToken ct)
    {
        var rows = await database.QueryAsync<ReportRow>($"""
            SELECT {Columns} FROM progress_reports
            WHERE tenant_id = @TenantId AND plan_id = @PlanId AND objective_code = @Code AND seq > @After
            ORDER BY seq
            {database.Dialect.Limit("@Limit")}
            """, new { who.TenantId, PlanId = planId, Code = code, After = paging.AfterId,
                Limit = paging.PageSize + 1 }, ct);
        var page = Page<ReportRow>.From(rows, paging.PageSize, r => r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ListFingerprint(planId, code));
        return new Page<ProgressReport>(page.Items.Select(r => r.ToProto()).ToList(), page.NextPageToken);
    }

    private sealed record ReportRow(string TenantId, string PlanId, string ObjectiveCode, string ReportId, long Seq,
        string Period, string State, string StatusText, string CorrectiveActions, string Author, DateTime CreatedAt,
        string CreatedBy)
    {
        public string ResourceName => FormatName(PlanId, ObjectiveCode, ReportId);

        public ProgressReport ToProto() => new()
        {
            Name = ResourceName, Period = Period,
            State = (ProgressReport.Types.State)ProgressReport.Descriptor.FindFieldByName("state").EnumType.FindValueByName(State).Number,
            StatusText = StatusText, CorrectiveActions = CorrectiveActions, Author = Author,
            CreateTime = CreatedAt.ToTimestamp(), CreateUser = CreatedBy,
        };
    }
}
