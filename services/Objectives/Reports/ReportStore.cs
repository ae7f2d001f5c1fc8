using System.Data.Common;
using Platform.Objectives.Objectives;
using Platform.Objectives.Plans;

namespace Platform.Objectives.Reports;

/// <summary>Progress reports on objectives; the newest one's state and period are copied onto the objective.</summary>
public sealed class ReportStore(Database database, AuditLog audit, TimeProvider clock)
{
    private const string Columns = """
        tenant_id AS TenantId, plan_id AS PlanId, objective_code AS ObjectiveCode, report_id AS ReportId, seq,
        period, state, status_text AS StatusText, corrective_actions AS CorrectiveActions, author,
        created_at AS CreatedAt, created_by AS CreatedBy, as_of_date AS AsOfDate
        """;

    public Task<ProgressReport> CreateAsync(RequestIdentity who, string planId, string code, string reportId,
        ProgressReport report, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) => await CreateAsync(connection, transaction, who,
            await PlanStore.LoadForWriteAsync(connection, transaction, who, planId, null, ct, requireWritable: true), code, reportId, report, ct), ct);

    /// <summary>Records a report inside the caller's transaction, in a plan it has loaded for writing (an import writes many in one).</summary>
    public async Task<ProgressReport> CreateAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, PlanRow plan,
        string code, string reportId, ProgressReport report, CancellationToken ct)
    {
        var planId = plan.PlanId;
        _ = await ObjectiveStore.LoadAsync(connection, transaction, who, planId, code, ct)
            ?? throw ApiErrors.NotFound(ObjectiveName.Format(planId, code));
        var key = new { who.TenantId, PlanId = planId, Code = code };
        var seq = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(MAX(seq), 0) FROM progress_reports WHERE tenant_id = @TenantId AND plan_id = @PlanId AND objective_code = @Code",
            key, transaction, cancellationToken: ct)) + 1;
        var row = new ReportRow(who.TenantId, planId, code, reportId, seq, report.Period,
            ProgressReport.Descriptor.FindFieldByName("state").EnumType.FindValueByNumber((int)report.State).Name, report.StatusText,
            report.CorrectiveActions, report.Author.Trim().Length > 0 ? report.Author.Trim() : who.UserId,
            clock.GetUtcNow().UtcDateTime, who.UserId, report.AsOfDate.Length > 0 ? report.AsOfDate : null);
        await connection.InsertAsync(transaction, database.Dialect, """
            INSERT INTO progress_reports (tenant_id, plan_id, objective_code, report_id, seq, period, state, status_text,
                corrective_actions, author, created_at, created_by, as_of_date)
            VALUES (@TenantId, @PlanId, @ObjectiveCode, @ReportId, @Seq, @Period, @State, @StatusText,
                @CorrectiveActions, @Author, @CreatedAt, @CreatedBy, @AsOfDate)
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
            ["corrective_actions"] = row.CorrectiveActions, ["author"] = row.Author, ["as_of_date"] = row.AsOfDate,
        }), ct);
        return proto;
    }

    public async Task<ProgressReport> GetAsync(RequestIdentity who, string planId, string code, string reportId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<ReportRow>($"""
            SELECT {Columns} FROM progress_reports
            WHERE tenant_id = @TenantId AND plan_id = @PlanId AND objective_code = @Code AND report_id = @ReportId
            """, new { who.TenantId, PlanId = planId, Code = code, ReportId = reportId }, ct);
        return row?.ToProto() ?? throw ApiErrors.NotFound(ReportValidation.FormatName(planId, code, reportId));
    }

    /// <summary>Every report of a plan, objectives in natural code order and each one's reports oldest first (for export).</summary>
    public async Task<IReadOnlyList<(string Code, ProgressReport Report)>> AllAsync(RequestIdentity who, string planId, CancellationToken ct)
    {
        var rows = await database.QueryAsync<ReportRow>($"""
            SELECT {Columns} FROM progress_reports r
            WHERE tenant_id = @TenantId AND plan_id = @PlanId
            ORDER BY (SELECT o.sort_key FROM objectives o
                      WHERE o.tenant_id = r.tenant_id AND o.plan_id = r.plan_id AND o.code = r.objective_code), seq
            """, new { who.TenantId, PlanId = planId }, ct);
        return rows.Select(r => (r.ObjectiveCode, r.ToProto())).ToList();
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
}
