using Dapper;
using Platform.Objectives.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Errors;

namespace Platform.Objectives.Plans;

/// <summary>Plans of one tenant at a time: every statement is scoped by <c>tenant_id</c>.</summary>
public sealed class PlanStore(Database database, AuditLog audit, TimeProvider clock)
{
    private const string Columns = """
        tenant_id AS TenantId, plan_id AS PlanId, title, kind, start_year AS StartYear, end_year AS EndYear,
        description, version, created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt,
        updated_by AS UpdatedBy
        """;

    public async Task<Plan> CreateAsync(RequestIdentity who, string planId, Plan plan, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new PlanRow
        {
            TenantId = who.TenantId, PlanId = planId, Title = plan.Title.Trim(), Kind = plan.Kind.ToString(),
            StartYear = plan.StartYear, EndYear = plan.EndYear, Description = plan.Description, Version = 1,
            CreatedAt = now, CreatedBy = who.UserId, UpdatedAt = now, UpdatedBy = who.UserId,
        };
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.InsertAsync(transaction, database.Dialect, """
                INSERT INTO plans (tenant_id, plan_id, title, kind, start_year, end_year, description, version,
                                   created_at, created_by, updated_at, updated_by)
                VALUES (@TenantId, @PlanId, @Title, @Kind, @StartYear, @EndYear, @Description, @Version,
                        @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy)
                """, row, row.ResourceName, ct);
            await audit.WriteAsync(connection, transaction, who, row.ResourceName, "create", AuditLog.Snapshot(row.AuditFields()), ct);
            return row;
        }, ct);
        return row.ToProto();
    }

    public async Task<Plan> GetAsync(RequestIdentity who, string planId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<PlanRow>(
            $"SELECT {Columns} FROM plans WHERE tenant_id = @TenantId AND plan_id = @PlanId",
            new { who.TenantId, PlanId = planId }, ct);
        return row?.ToProto() ?? throw ApiErrors.NotFound(PlanNames.Format(planId));
    }

    public async Task<Page<Plan>> ListAsync(RequestIdentity who, PageRequest paging, CancellationToken ct)
    {
        var rows = await database.QueryAsync<PlanRow>($"""
            SELECT {Columns} FROM plans
            WHERE tenant_id = @TenantId AND (@After IS NULL OR plan_id > @After)
            ORDER BY plan_id
            {database.Dialect.Limit("@Limit")}
            """, new { who.TenantId, paging.After, Limit = paging.PageSize + 1 }, ct);
        var page = Page<PlanRow>.From(rows, paging.PageSize, r => r.PlanId, ListFingerprint);
        return new Page<Plan>(page.Items.Select(r => r.ToProto()).ToList(), page.NextPageToken);
    }

    public static readonly string ListFingerprint = Paging.Fingerprint("plans");

    /// <summary>
    /// Applies the masked fields of <paramref name="changes"/>, checks the etag and the whole result, and
    /// writes the new version with its audit event.
    /// </summary>
    public async Task<Plan> UpdateAsync(RequestIdentity who, string planId, Plan changes, IReadOnlySet<string> paths,
        CancellationToken ct)
    {
        var updated = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadForWriteAsync(connection, transaction, who, planId, changes.Etag, ct);
            var next = current with
            {
                Title = paths.Contains("title") ? changes.Title.Trim() : current.Title,
                Kind = paths.Contains("kind") ? changes.Kind.ToString() : current.Kind,
                StartYear = paths.Contains("start_year") ? changes.StartYear : current.StartYear,
                EndYear = paths.Contains("end_year") ? changes.EndYear : current.EndYear,
                Description = paths.Contains("description") ? changes.Description : current.Description,
                Version = current.Version + 1,
                UpdatedAt = clock.GetUtcNow().UtcDateTime,
                UpdatedBy = who.UserId,
            };
            var validator = new RequestValidator();
            PlanValidation.ValidateFields(next.ToProto(), validator);
            validator.ThrowIfInvalid();

            await connection.ExecuteVersionedAsync(transaction, """
                UPDATE plans SET title = @Title, kind = @Kind, start_year = @StartYear, end_year = @EndYear,
                    description = @Description, version = @Version, updated_at = @UpdatedAt, updated_by = @UpdatedBy
                WHERE tenant_id = @TenantId AND plan_id = @PlanId AND version = @Version - 1
                """, next, next.ResourceName, ct);
            var diff = AuditLog.Diff(current.AuditFields(), next.AuditFields());
            await audit.WriteAsync(connection, transaction, who, next.ResourceName, "update", diff, ct);
            return next;
        }, ct);
        return updated.ToProto();
    }

    public async Task DeleteAsync(RequestIdentity who, string planId, string? etag, CancellationToken ct)
    {
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadForWriteAsync(connection, transaction, who, planId, etag, ct);
            await connection.ExecuteVersionedAsync(transaction,
                "DELETE FROM plans WHERE tenant_id = @TenantId AND plan_id = @PlanId AND version = @Version",
                current, current.ResourceName, ct);
            await audit.WriteAsync(connection, transaction, who, current.ResourceName, "delete",
                AuditLog.Snapshot(current.AuditFields(), deleted: true), ct);
            return current;
        }, ct);
    }

    private static async Task<PlanRow> LoadForWriteAsync(System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction, RequestIdentity who, string planId, string? etag, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            $"SELECT {Columns} FROM plans WHERE tenant_id = @TenantId AND plan_id = @PlanId",
            new { who.TenantId, PlanId = planId }, transaction, cancellationToken: ct))
            ?? throw ApiErrors.NotFound(PlanNames.Format(planId));
        Etags.Check(etag, row.Version, row.ResourceName);
        return row;
    }
}
