using Platform.Indicators.V1;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Errors;

namespace Platform.Indicators.Definitions;

/// <summary>Indicator definitions of one tenant at a time: every statement is scoped by <c>tenant_id</c>.</summary>
public sealed class IndicatorStore(Database database, AuditLog audit, TimeProvider clock)
{
    private const string Columns = """
        tenant_id AS TenantId, indicator_id AS IndicatorId, title, unit, description, version,
        created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy
        """;

    public static readonly string ListFingerprint = Paging.Fingerprint("indicators");

    public async Task<Indicator> CreateAsync(RequestIdentity who, string indicatorId, Indicator indicator, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new IndicatorRow
        {
            TenantId = who.TenantId, IndicatorId = indicatorId, Title = indicator.Title.Trim(), Unit = indicator.Unit.Trim(),
            Description = indicator.Description, Version = 1,
            CreatedAt = now, CreatedBy = who.UserId, UpdatedAt = now, UpdatedBy = who.UserId,
        };
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.InsertAsync(transaction, database.Dialect, """
                INSERT INTO indicators (tenant_id, indicator_id, title, unit, description, version,
                                        created_at, created_by, updated_at, updated_by)
                VALUES (@TenantId, @IndicatorId, @Title, @Unit, @Description, @Version,
                        @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy)
                """, row, row.ResourceName, ct);
            await audit.WriteAsync(connection, transaction, who, row.ResourceName, "create", AuditLog.Snapshot(row.AuditFields()), ct);
            return row;
        }, ct);
        return row.ToProto();
    }

    public async Task<Indicator> GetAsync(RequestIdentity who, string indicatorId, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<IndicatorRow>(
            $"SELECT {Columns} FROM indicators WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId",
            new { who.TenantId, IndicatorId = indicatorId }, ct);
        return row?.ToProto() ?? throw ApiErrors.NotFound(IndicatorNames.Format(indicatorId));
    }

    public async Task<Page<Indicator>> ListAsync(RequestIdentity who, PageRequest paging, CancellationToken ct)
    {
        var rows = await database.QueryAsync<IndicatorRow>($"""
            SELECT {Columns} FROM indicators
            WHERE tenant_id = @TenantId AND (@After IS NULL OR indicator_id > @After)
            ORDER BY indicator_id
            {database.Dialect.Limit("@Limit")}
            """, new { who.TenantId, paging.After, Limit = paging.PageSize + 1 }, ct);
        var page = Page<IndicatorRow>.From(rows, paging.PageSize, r => r.IndicatorId, ListFingerprint);
        return new Page<Indicator>(page.Items.Select(r => r.ToProto()).ToList(), page.NextPageToken);
    }
}
