using System.Data.Common;
using Platform.Indicators.Definitions;

namespace Platform.Indicators.Periods;

/// <summary>Targets and actuals by period; every statement is scoped by <c>tenant_id</c>.</summary>
public sealed class PeriodStore(Database database, AuditLog audit, TimeProvider clock)
{
    private const string Columns = """
        tenant_id AS TenantId, indicator_id AS IndicatorId, period_key AS PeriodKey, year, sort_key AS SortKey,
        target, target_high AS TargetHigh, actual, actual_computed AS ActualComputed, variables, note,
        evidence_uri AS EvidenceUri, closed, printed_achievement AS PrintedAchievement, printed_breach AS PrintedBreach,
        version, created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy
        """;

    /// <summary>Applies the masked fields, checks them against the indicator, and writes the period with its audit event.</summary>
    public async Task<Period> UpdateAsync(RequestIdentity who, string indicatorId, PeriodKey key, Period changes,
        IReadOnlySet<string> paths, bool allowMissing, CancellationToken ct) =>
        await database.InTransactionAsync((connection, transaction) =>
            UpdateAsync(connection, transaction, who, indicatorId, key, changes, paths, allowMissing, ct), ct);

    /// <summary>As <see cref="UpdateAsync(RequestIdentity, string, PeriodKey, Period, IReadOnlySet{string}, bool, CancellationToken)"/>, inside the caller's transaction.</summary>
    public async Task<Period> UpdateAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, string indicatorId,
        PeriodKey key, Period changes, IReadOnlySet<string> paths, bool allowMissing, CancellationToken ct)
    {
        var indicator = await IndicatorStore.LoadAsync(connection, transaction, who, indicatorId, ct, withLinks: false)
            ?? throw ApiErrors.NotFound(IndicatorName.Format(indicatorId));
        var name = PeriodKey.FormatName(indicatorId, key.ToString());
        var current = await LoadAsync(connection, transaction, who, indicatorId, key.ToString(), ct);
        if (current is null && !allowMissing) throw ApiErrors.NotFound(name);
        if (current is not null)
        {
            PeriodRules.EnsureOpen(current);
            Etags.Check(changes.Etag, current.Version, name);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var before = current ?? new PeriodRow
        {
            TenantId = who.TenantId, IndicatorId = indicatorId, PeriodKey = key.ToString(), Year = key.Year,
            SortKey = key.SortKey, Version = 0, CreatedAt = now, CreatedBy = who.UserId, UpdatedAt = now, UpdatedBy = who.UserId,
        };
        var next = PeriodRules.Apply(indicator, before, changes, paths) with { Version = before.Version + 1, UpdatedAt = now, UpdatedBy = who.UserId };

        if (current is null)
            await connection.InsertAsync(transaction, database.Dialect, """
                INSERT INTO indicator_periods (tenant_id, indicator_id, period_key, year, sort_key, target, target_high,
                    actual, actual_computed, variables, note, evidence_uri, closed, printed_achievement, printed_breach,
                    version, created_at, created_by, updated_at, updated_by)
                VALUES (@TenantId, @IndicatorId, @PeriodKey, @Year, @SortKey, @Target, @TargetHigh, @Actual,
                    @ActualComputed, @Variables, @Note, @EvidenceUri, @Closed, @PrintedAchievement, @PrintedBreach,
                    @Version, @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy)
                """, next, name, ct);
        else
            await connection.ExecuteVersionedAsync(transaction, """
                UPDATE indicator_periods SET target = @Target, target_high = @TargetHigh, actual = @Actual,
                    actual_computed = @ActualComputed, variables = @Variables, note = @Note, evidence_uri = @EvidenceUri,
                    printed_achievement = @PrintedAchievement, printed_breach = @PrintedBreach, version = @Version,
                    updated_at = @UpdatedAt, updated_by = @UpdatedBy
                WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId AND period_key = @PeriodKey
                  AND version = @Version - 1
                """, next, name, ct);
        var changesList = current is null
            ? AuditLog.Snapshot(next.AuditFields(indicator))
            : AuditLog.Diff(current.AuditFields(indicator), next.AuditFields(indicator));
        await audit.WriteAsync(connection, transaction, who, name, current is null ? "create" : "update", changesList, ct);
        var siblings = await ListRowsAsync(connection, transaction, who, [indicatorId], next.Year, next.Year, ct);
        return PeriodViews.ToProto(indicator, next, siblings);
    }

    public async Task<Period> GetAsync(RequestIdentity who, string indicatorId, PeriodKey key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var indicator = await IndicatorStore.LoadAsync(connection, null, who, indicatorId, ct, withLinks: false)
            ?? throw ApiErrors.NotFound(IndicatorName.Format(indicatorId));
        var siblings = await ListRowsAsync(connection, null, who, [indicatorId], key.Year, key.Year, ct);
        var row = siblings.FirstOrDefault(p => p.PeriodKey == key.ToString())
            ?? throw ApiErrors.NotFound(PeriodKey.FormatName(indicatorId, key.ToString()));
        return PeriodViews.ToProto(indicator, row, siblings);
    }

    /// <summary>Periods of the given indicators in time order, within the year range (0 = open).</summary>
    public async Task<IReadOnlyList<PeriodRow>> ListRowsAsync(RequestIdentity who, IReadOnlyCollection<string> indicatorIds,
        int startYear, int endYear, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ListRowsAsync(connection, null, who, indicatorIds, startYear, endYear, ct);
    }

    /// <summary>Periods of the indicators <paramref name="indicatorsIn"/> (<c>@Ids</c> or a subquery) within <c>@StartYear</c>-<c>@EndYear</c> (0 = open), in time order.</summary>
    public static string RowsSql(string indicatorsIn) => $"""
        SELECT {Columns} FROM indicator_periods
        WHERE tenant_id = @TenantId AND indicator_id IN {indicatorsIn}
          AND (@StartYear = 0 OR year >= @StartYear) AND (@EndYear = 0 OR year <= @EndYear)
        ORDER BY indicator_id, sort_key
        """;

    private static async Task<IReadOnlyList<PeriodRow>> ListRowsAsync(DbConnection connection, DbTransaction? transaction,
        RequestIdentity who, IReadOnlyCollection<string> indicatorIds, int startYear, int endYear, CancellationToken ct)
    {
        var rows = new List<PeriodRow>();
        foreach (var chunk in indicatorIds.Chunk(500))
            rows.AddRange(await connection.QueryAsync<PeriodRow>(new CommandDefinition(RowsSql("@Ids"), new { who.TenantId, Ids = chunk, StartYear = startYear, EndYear = endYear }, transaction, cancellationToken: ct)));
        return rows;
    }

    /// <summary>Closes (approves) or reopens a period; audited as <c>close</c> or <c>reopen</c>.</summary>
    public async Task<Period> SetClosedAsync(RequestIdentity who, string indicatorId, PeriodKey key, bool closed, string? etag, CancellationToken ct)
    {
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var indicator = await IndicatorStore.LoadAsync(connection, transaction, who, indicatorId, ct, withLinks: false)
                ?? throw ApiErrors.NotFound(IndicatorName.Format(indicatorId));
            var name = PeriodKey.FormatName(indicatorId, key.ToString());
            var current = await LoadAsync(connection, transaction, who, indicatorId, key.ToString(), ct) ?? throw ApiErrors.NotFound(name);
            Etags.Check(etag, current.Version, name);
            var next = current;
            if (current.Closed != closed)
            {
                next = current with { Closed = closed, Version = current.Version + 1, UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = who.UserId };
                await connection.ExecuteVersionedAsync(transaction, """
                    UPDATE indicator_periods SET closed = @Closed, version = @Version, updated_at = @UpdatedAt, updated_by = @UpdatedBy
                    WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId AND period_key = @PeriodKey AND version = @Version - 1
                    """, next, name, ct);
                await audit.WriteAsync(connection, transaction, who, name, closed ? "close" : "reopen",
                    AuditLog.Diff(current.AuditFields(indicator), next.AuditFields(indicator)), ct);
            }
            var siblings = await ListRowsAsync(connection, transaction, who, [indicatorId], key.Year, key.Year, ct);
            return PeriodViews.ToProto(indicator, next, siblings.Select(s => s.PeriodKey == next.PeriodKey ? next : s).ToList());
        }, ct);
    }

    private static Task<PeriodRow?> LoadAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who,
        string indicatorId, string key, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<PeriodRow>(new CommandDefinition($"""
            SELECT {Columns} FROM indicator_periods
            WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId AND period_key = @PeriodKey
            """, new { who.TenantId, IndicatorId = indicatorId, PeriodKey = key }, transaction, cancellationToken: ct));
}
