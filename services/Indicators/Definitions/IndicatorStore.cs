using System.Data.Common;
using Platform.Indicators.Periods;

namespace Platform.Indicators.Definitions;

/// <summary>Indicator definitions of one tenant at a time: every statement is scoped by <c>tenant_id</c>.</summary>
public sealed class IndicatorStore(Database database, AuditLog audit, TimeProvider clock)
{
    public const string Columns = """
        tenant_id AS TenantId, indicator_id AS IndicatorId, title, unit, description, version,
        created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy,
        kind, decimals, polarity, formula, variables, baseline_value AS BaselineValue, baseline_year AS BaselineYear,
        achievement_method AS AchievementMethod, achieved_from AS AchievedFrom,
        partially_achieved_from AS PartiallyAchievedFrom, weight, data_source AS DataSource, owner, aggregation,
        threshold_comparison AS ThresholdComparison, threshold_value AS ThresholdValue, card
        """;

    private const string WriteColumns = """
        title = @Title, unit = @Unit, description = @Description, kind = @Kind, decimals = @Decimals,
        polarity = @Polarity, formula = @Formula, variables = @Variables, baseline_value = @BaselineValue,
        baseline_year = @BaselineYear, achievement_method = @AchievementMethod, achieved_from = @AchievedFrom,
        partially_achieved_from = @PartiallyAchievedFrom, weight = @Weight, data_source = @DataSource, owner = @Owner,
        aggregation = @Aggregation, threshold_comparison = @ThresholdComparison, threshold_value = @ThresholdValue,
        card = @Card, version = @Version, updated_at = @UpdatedAt, updated_by = @UpdatedBy
        """;

    public static readonly string ListFingerprint = Paging.Fingerprint("indicators");

    public async Task<Indicator> CreateAsync(RequestIdentity who, string indicatorId, IndicatorDefinition definition, CancellationToken ct) =>
        await database.InTransactionAsync((connection, transaction) => CreateAsync(connection, transaction, who, indicatorId, definition, ct), ct);

    /// <summary>Inserts a checked indicator with its links and its audit row, inside the caller's transaction.</summary>
    public async Task<Indicator> CreateAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, string indicatorId,
        IndicatorDefinition definition, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = definition.ApplyTo(new IndicatorRow
        {
            TenantId = who.TenantId, IndicatorId = indicatorId, Title = "", Unit = "", Description = "", Version = 1,
            CreatedAt = now, CreatedBy = who.UserId, UpdatedAt = now, UpdatedBy = who.UserId,
        });
        await connection.InsertAsync(transaction, database.Dialect, """
            INSERT INTO indicators (tenant_id, indicator_id, title, unit, description, version,
                created_at, created_by, updated_at, updated_by, kind, decimals, polarity, formula, variables,
                baseline_value, baseline_year, achievement_method, achieved_from, partially_achieved_from, weight,
                data_source, owner, aggregation, threshold_comparison, threshold_value, card)
            VALUES (@TenantId, @IndicatorId, @Title, @Unit, @Description, @Version,
                @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy, @Kind, @Decimals, @Polarity, @Formula, @Variables,
                @BaselineValue, @BaselineYear, @AchievementMethod, @AchievedFrom, @PartiallyAchievedFrom, @Weight,
                @DataSource, @Owner, @Aggregation, @ThresholdComparison, @ThresholdValue, @Card)
            """, row, row.ResourceName, ct);
        await WriteLinksAsync(connection, transaction, row, ct);
        await audit.WriteAsync(connection, transaction, who, row.ResourceName, "create", AuditLog.Snapshot(row.AuditFields()), ct);
        return row.ToProto();
    }

    public async Task<IndicatorRow> GetRowAsync(RequestIdentity who, string indicatorId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await LoadAsync(connection, null, who, indicatorId, ct) ?? throw ApiErrors.NotFound(IndicatorName.Format(indicatorId));
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
        var withLinks = await WithLinksAsync(who, page.Items, ct);
        return new Page<Indicator>(withLinks.Select(r => r.ToProto()).ToList(), page.NextPageToken);
    }

    /// <summary>The given indicators (those that exist), with their links.</summary>
    public async Task<IReadOnlyList<IndicatorRow>> GetManyAsync(RequestIdentity who, IReadOnlyCollection<string> indicatorIds, CancellationToken ct)
    {
        if (indicatorIds.Count == 0) return [];
        var rows = new List<IndicatorRow>();
        foreach (var chunk in indicatorIds.Chunk(500))
            rows.AddRange(await database.QueryAsync<IndicatorRow>(
                $"SELECT {Columns} FROM indicators WHERE tenant_id = @TenantId AND indicator_id IN @Ids",
                new { who.TenantId, Ids = chunk }, ct));
        return await WithLinksAsync(who, rows, ct);
    }

    /// <summary>
    /// Indicators linked to any objective of <paramref name="planName"/> (<c>plans/x</c>) or to the plan itself,
    /// by id, with their links, and their periods in time order within the years (0 = open): one round trip.
    /// </summary>
    public async Task<PlanRows> ListForPlanAsync(RequestIdentity who, string planName, int startYear, int endYear, CancellationToken ct)
    {
        const string linked = """
            SELECT indicator_id FROM indicator_objectives
            WHERE tenant_id = @TenantId AND (objective LIKE @Prefix OR objective = @Plan)
            """;
        await using var connection = await database.OpenAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition($"""
            SELECT {Columns} FROM indicators WHERE tenant_id = @TenantId AND indicator_id IN ({linked}) ORDER BY indicator_id;
            {LinksSql($"({linked})")};
            {PeriodStore.RowsSql($"({linked})")};
            """, new { who.TenantId, Prefix = planName + "/objectives/%", Plan = planName, StartYear = startYear, EndYear = endYear },
            cancellationToken: ct));
        var rows = (await results.ReadAsync<IndicatorRow>()).AsList();
        var links = await results.ReadAsync<LinkRow>();
        var periods = (await results.ReadAsync<PeriodRow>()).AsList();
        return new PlanRows(WithLinks(rows, links), periods);
    }

    /// <summary>
    /// Writes the new version of an indicator: in one transaction it locks the row, reads it, checks
    /// <paramref name="etag"/> (when given) and applies <paramref name="build"/> (merge and rules, no I/O) to the
    /// row as stored, so two writers without an etag both succeed, one after the other.
    /// </summary>
    public async Task<Indicator> UpdateAsync(RequestIdentity who, string indicatorId, string? etag,
        Func<IndicatorRow, IndicatorDefinition> build, CancellationToken ct)
    {
        var next = await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.LockRowAsync(transaction, "indicators", "indicator_id", who.TenantId, indicatorId, ct);
            var current = await LoadAsync(connection, transaction, who, indicatorId, ct)
                ?? throw ApiErrors.NotFound(IndicatorName.Format(indicatorId));
            Etags.Check(etag, current.Version, current.ResourceName);
            var next = build(current).ApplyTo(current) with
            {
                Version = current.Version + 1,
                UpdatedAt = clock.GetUtcNow().UtcDateTime,
                UpdatedBy = who.UserId,
            };
            await connection.ExecuteVersionedAsync(transaction, $"""
                UPDATE indicators SET {WriteColumns}
                WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId AND version = @Version - 1
                """, next, next.ResourceName, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM indicator_objectives WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId",
                next, transaction, cancellationToken: ct));
            await WriteLinksAsync(connection, transaction, next, ct);
            await audit.WriteAsync(connection, transaction, who, next.ResourceName, "update",
                AuditLog.Diff(current.AuditFields(), next.AuditFields()), ct);
            return next;
        }, ct);
        return next.ToProto();
    }

    public async Task DeleteAsync(RequestIdentity who, string indicatorId, string? etag, CancellationToken ct)
    {
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadAsync(connection, transaction, who, indicatorId, ct)
                ?? throw ApiErrors.NotFound(IndicatorName.Format(indicatorId));
            Etags.Check(etag, current.Version, current.ResourceName);
            await connection.ExecuteVersionedAsync(transaction,
                "DELETE FROM indicators WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId AND version = @Version",
                current, current.ResourceName, ct);
            foreach (var table in new[] { "indicator_objectives", "indicator_periods" })
                await connection.ExecuteAsync(new CommandDefinition(
                    $"DELETE FROM {table} WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId",
                    current, transaction, cancellationToken: ct));
            await audit.WriteAsync(connection, transaction, who, current.ResourceName, "delete",
                AuditLog.Snapshot(current.AuditFields(), deleted: true), ct);
            return current;
        }, ct);
    }

    /// <summary>One indicator; its objective links too unless <paramref name="withLinks"/> is false (periods never need them).</summary>
    public static async Task<IndicatorRow?> LoadAsync(DbConnection connection, DbTransaction? transaction,
        RequestIdentity who, string indicatorId, CancellationToken ct, bool withLinks = true)
    {
        var row = await connection.QuerySingleOrDefaultAsync<IndicatorRow>(new CommandDefinition(
            $"SELECT {Columns} FROM indicators WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId",
            new { who.TenantId, IndicatorId = indicatorId }, transaction, cancellationToken: ct));
        if (row is null || !withLinks) return row;
        var links = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT objective FROM indicator_objectives
            WHERE tenant_id = @TenantId AND indicator_id = @IndicatorId ORDER BY position
            """, new { who.TenantId, IndicatorId = indicatorId }, transaction, cancellationToken: ct));
        return Linked(row, links.AsList());
    }

    /// <summary>The objectives and plans each of <paramref name="indicatorIds"/> is linked to (unknown ids: none).</summary>
    public async Task<ILookup<string, string>> ObjectiveLinksAsync(RequestIdentity who, IReadOnlyCollection<string> indicatorIds,
        CancellationToken ct)
        => (await LinksOfAsync(who, indicatorIds, ct)).ToLookup(l => l.IndicatorId, l => l.Objective);

    private async Task<IReadOnlyList<IndicatorRow>> WithLinksAsync(RequestIdentity who, IReadOnlyList<IndicatorRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        return WithLinks(rows, await LinksOfAsync(who, rows.Select(r => r.IndicatorId).ToList(), ct));
    }

    private async Task<List<LinkRow>> LinksOfAsync(RequestIdentity who, IReadOnlyCollection<string> indicatorIds, CancellationToken ct)
    {
        var links = new List<LinkRow>();
        foreach (var chunk in indicatorIds.Chunk(500))
            links.AddRange(await database.QueryAsync<LinkRow>(LinksSql("@Ids"), new { who.TenantId, Ids = chunk }, ct));
        return links;
    }

    /// <summary>The objective links of the indicators <paramref name="indicatorsIn"/> (<c>@Ids</c> or a subquery).</summary>
    private static string LinksSql(string indicatorsIn) => $"""
        SELECT indicator_id AS IndicatorId, objective, position FROM indicator_objectives
        WHERE tenant_id = @TenantId AND indicator_id IN {indicatorsIn}
        """;

    private static IReadOnlyList<IndicatorRow> WithLinks(IReadOnlyList<IndicatorRow> rows, IEnumerable<LinkRow> links)
    {
        var byIndicator = links.GroupBy(l => l.IndicatorId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(l => l.Position).Select(l => l.Objective).ToList());
        return rows.Select(r => Linked(r, byIndicator.GetValueOrDefault(r.IndicatorId, []))).ToList();
    }

    /// <summary>The row with its links in order: objective names are objectives, plan names the plans it belongs to.</summary>
    private static IndicatorRow Linked(IndicatorRow row, IReadOnlyList<string> links) => row with
    {
        Objectives = links.Where(l => ObjectiveName.TryParse(l, out _)).ToList(),
        Plans = links.Where(l => !ObjectiveName.TryParse(l, out _)).ToList(),
    };

    /// <summary>Objectives first, then plans, each in the client's order.</summary>
    private static async Task WriteLinksAsync(DbConnection connection, DbTransaction transaction, IndicatorRow row, CancellationToken ct)
    {
        var links = row.Objectives.Concat(row.Plans).ToList();
        for (var i = 0; i < links.Count; i++)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO indicator_objectives (tenant_id, indicator_id, objective, position)
                VALUES (@TenantId, @IndicatorId, @Objective, @Position)
                """, new { row.TenantId, row.IndicatorId, Objective = links[i], Position = i }, transaction, cancellationToken: ct));
    }

    private sealed class LinkRow
    {
        public string IndicatorId { get; init; } = "";
        public string Objective { get; init; } = "";
        public long Position { get; init; }
    }
}
