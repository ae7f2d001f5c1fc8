using System.Data.Common;
using Platform.Objectives.Plans;

namespace Platform.Objectives.Objectives;

/// <summary>Filters of ListObjectives, already checked; codes rather than names.</summary>
public sealed record ObjectiveFilter(string? ParentCode, string? Level, string? Owner, string? Manager, string? Sector,
    string? Mission, string? Programme, int? Sdg, string? Query)
{
    public string Fingerprint(string planId) =>
        Paging.Fingerprint("objectives", planId, ParentCode, Level, Owner, Manager, Sector, Mission, Programme, Sdg, Query);
}

/// <summary>Objectives of one tenant's plans: every statement is scoped by <c>tenant_id</c> and plan.</summary>
public sealed class ObjectiveStore(Database database, AuditLog audit, TimeProvider clock)
{
    /// <summary>Codes per IN list: well below SQL Server's 2,100 parameters per statement.</summary>
    private const int MaxCodesPerStatement = 500;

    public Task<Objective> CreateAsync(RequestIdentity who, string planId, string code, Objective objective, CancellationToken ct) =>
        database.InTransactionAsync((connection, transaction) => CreateAsync(connection, transaction, who, planId, code, objective, ct), ct);

    /// <summary>Creates an objective inside the caller's transaction (an import writes many in one).</summary>
    public async Task<Objective> CreateAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, string planId,
        string code, Objective objective, CancellationToken ct) =>
        await CreateAsync(connection, transaction, who,
            await PlanStore.LoadForWriteAsync(connection, transaction, who, planId, null, ct, requireWritable: true), code, objective, ct);

    /// <summary>Creates an objective in a plan the caller has already loaded for writing in this transaction.</summary>
    public async Task<Objective> CreateAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, PlanRow plan,
        string code, Objective objective, CancellationToken ct)
    {
        var planId = plan.PlanId;
        var parentName = objective.Parent.Length > 0
            ? ResourceNames.Parse<ObjectiveName>(objective.Parent, "objective.parent") : (ObjectiveName?)null;
        var parent = parentName is { } named && named.PlanId == planId
            ? await LoadAsync(connection, transaction, who, planId, named.Code, ct) : null;
        var level = ObjectivePlacement.PlaceNew(plan, parentName, parent, objective.Level, code);

        var now = clock.GetUtcNow().UtcDateTime;
        var row = ObjectiveRow.From(objective, who.TenantId, planId, code, parent?.Code, level,
            parent is null ? 0 : parent.Depth + 1, 1, now, who.UserId, now, who.UserId);
        await connection.InsertAsync(transaction, database.Dialect, """
            INSERT INTO objectives (tenant_id, plan_id, code, parent_code, level, depth, sort_key, title, description,
                manager, lead_sector, card, card_binary, latest_state, latest_period, version, created_at, created_by, updated_at, updated_by)
            VALUES (@TenantId, @PlanId, @Code, @ParentCode, @Level, @Depth, @SortKey, @Title, @Description,
                @Manager, @LeadSector, @Card, @CardBinary, @LatestState, @LatestPeriod, @Version, @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy)
            """, row, row.ResourceName, ct);
        var proto = row.ToProto();
        await WriteTermsAsync(connection, transaction, row, proto, ct);
        await audit.WriteAsync(connection, transaction, who, row.ResourceName, "create",
            AuditLog.Snapshot(ObjectiveFields.Flatten(proto)), ct);
        return proto;
    }

    public async Task<Objective> GetAsync(RequestIdentity who, string planId, string code, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<ObjectiveRow>(
            $"SELECT {ObjectiveRow.Columns} FROM objectives WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code = @Code",
            new { who.TenantId, PlanId = planId, Code = code }, ct);
        return row?.ToProto() ?? throw ApiErrors.NotFound(ObjectiveName.Format(planId, code));
    }

    public async Task<Page<Objective>> ListAsync(RequestIdentity who, string planId, ObjectiveFilter filter, PageRequest paging,
        CancellationToken ct)
    {
        var conditions = new List<string> { "o.tenant_id = @TenantId", "o.plan_id = @PlanId" };
        if (filter.ParentCode is not null) conditions.Add("o.parent_code = @ParentCode");
        if (filter.Level is not null) conditions.Add("o.level = @Level");
        if (filter.Manager is not null) conditions.Add("o.manager = @Manager");
        void Term(string kind, object? value)
        {
            if (value is null) return;
            conditions.Add($"""
                EXISTS (SELECT 1 FROM objective_terms t WHERE t.tenant_id = o.tenant_id AND t.plan_id = o.plan_id
                        AND t.code = o.code AND t.kind = '{kind}' AND t.value = @{kind})
                """);
        }
        Term("owner", filter.Owner);
        Term("sector", filter.Sector);
        Term("mission", filter.Mission);
        Term("programme", filter.Programme);
        Term("sdg", filter.Sdg);
        if (filter.Query is not null)
            conditions.Add("""
                (LOWER(o.code) LIKE @Pattern ESCAPE '\' OR LOWER(o.title) LIKE @Pattern ESCAPE '\'
                 OR LOWER(o.description) LIKE @Pattern ESCAPE '\')
                """);
        if (paging.After is not null) conditions.Add("o.sort_key > @After");

        var rows = await database.QueryAsync<ObjectiveRow>($"""
            SELECT {ObjectiveRow.Columns} FROM objectives o
            WHERE {string.Join(" AND ", conditions)}
            ORDER BY o.sort_key
            {database.Dialect.Limit("@Limit")}
            """, new
        {
            who.TenantId, PlanId = planId, filter.ParentCode, filter.Level, filter.Manager,
            owner = filter.Owner, sector = filter.Sector, mission = filter.Mission, programme = filter.Programme,
            sdg = filter.Sdg?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Pattern = filter.Query is null ? null : "%" + SqlText.EscapeLike(filter.Query.ToLowerInvariant()) + "%",
            paging.After, Limit = paging.PageSize + 1,
        }, ct);
        var page = Page<ObjectiveRow>.From(rows, paging.PageSize, r => r.SortKey, filter.Fingerprint(planId));
        return new Page<Objective>(page.Items.Select(r => r.ToProto()).ToList(), page.NextPageToken);
    }

    /// <summary>Every objective of a plan in natural code order: one query whatever the size of the plan.</summary>
    public async Task<IReadOnlyList<ObjectiveRow>> AllAsync(RequestIdentity who, string planId, CancellationToken ct) =>
        await database.QueryAsync<ObjectiveRow>(
            $"SELECT {ObjectiveRow.Columns} FROM objectives WHERE tenant_id = @TenantId AND plan_id = @PlanId ORDER BY sort_key",
            new { who.TenantId, PlanId = planId }, ct);

    /// <summary>Every objective of a plan in natural code order, only the columns of the BASIC tree.</summary>
    public async Task<IReadOnlyList<ObjectiveOutline>> OutlinesAsync(RequestIdentity who, string planId, CancellationToken ct) =>
        await database.QueryAsync<ObjectiveOutline>(
            $"SELECT {ObjectiveOutline.Columns} FROM objectives WHERE tenant_id = @TenantId AND plan_id = @PlanId ORDER BY sort_key",
            new { who.TenantId, PlanId = planId }, ct);

    public async Task<Objective> UpdateAsync(RequestIdentity who, string planId, string code, Objective changes,
        IReadOnlySet<string> paths, CancellationToken ct)
    {
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            await PlanStore.LoadForWriteAsync(connection, transaction, who, planId, null, ct, requireWritable: true);
            var current = await LoadForWriteAsync(connection, transaction, who, planId, code, changes.Etag, ct);
            var before = current.ToProto();
            var after = before.Clone();
            UpdateMasks.Apply(after, changes, paths);
            var validator = new RequestValidator();
            ObjectiveValidation.ValidateCard(after, validator);
            validator.ThrowIfInvalid();

            var next = ObjectiveRow.From(after, who.TenantId, planId, code, current.ParentCode, current.Level, current.Depth,
                current.Version + 1, current.CreatedAt, current.CreatedBy, clock.GetUtcNow().UtcDateTime, who.UserId,
                current.LatestState, current.LatestPeriod);
            await connection.ExecuteVersionedAsync(transaction, """
                UPDATE objectives SET title = @Title, description = @Description, manager = @Manager,
                    lead_sector = @LeadSector, card = @Card, card_binary = @CardBinary, version = @Version, updated_at = @UpdatedAt, updated_by = @UpdatedBy
                WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code = @Code AND version = @Version - 1
                """, next, next.ResourceName, ct);
            var proto = next.ToProto();
            await WriteTermsAsync(connection, transaction, next, proto, ct);
            await audit.WriteAsync(connection, transaction, who, next.ResourceName, "update",
                AuditLog.Diff(ObjectiveFields.Flatten(before), ObjectiveFields.Flatten(proto)), ct);
            return proto;
        }, ct);
    }

    /// <summary>Deletes an objective; with children only when <paramref name="force"/> is set, and then the whole subtree.</summary>
    public async Task DeleteAsync(RequestIdentity who, string planId, string code, string? etag, bool force, CancellationToken ct)
    {
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await PlanStore.LoadForWriteAsync(connection, transaction, who, planId, null, ct, requireWritable: true);
            var current = await LoadForWriteAsync(connection, transaction, who, planId, code, etag, ct);
            var all = await LoadAllAsync(connection, transaction, who, planId, ct);
            var subtree = PlanTrees.Subtree(all, code);
            ObjectivePlacement.CheckDelete(current, subtree, force);
            await connection.ExecuteVersionedAsync(transaction,
                "DELETE FROM objectives WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code = @Code AND version = @Version",
                current, current.ResourceName, ct);
            // The rest of the subtree, its search terms and reports: a few statements per chunk of codes, not per row.
            foreach (var codes in subtree.Select(r => r.Code).Chunk(MaxCodesPerStatement))
            {
                var key = new { who.TenantId, PlanId = planId, Codes = codes };
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM objectives WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code IN @Codes", key, transaction, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM objective_terms WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code IN @Codes", key, transaction, cancellationToken: ct));
                await connection.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM progress_reports WHERE tenant_id = @TenantId AND plan_id = @PlanId AND objective_code IN @Codes", key, transaction, cancellationToken: ct));
            }
            // One audit event per objective, deepest first, so the trail reads like a bottom-up removal.
            foreach (var row in subtree.OrderByDescending(r => r.Depth).ThenBy(r => r.SortKey, StringComparer.Ordinal))
                await audit.WriteAsync(connection, transaction, who, row.ResourceName, "delete",
                    AuditLog.Snapshot(ObjectiveFields.Flatten(row.ToProto()), deleted: true), ct);
            return true;
        }, ct);
    }

    /// <summary>Moves an objective with its subtree under another parent (or to the top), re-checking levels and codes.</summary>
    public async Task<Objective> MoveAsync(RequestIdentity who, string planId, string code, string newParent, string? etag,
        CancellationToken ct)
    {
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var plan = await PlanStore.LoadForWriteAsync(connection, transaction, who, planId, null, ct, requireWritable: true);
            var current = await LoadForWriteAsync(connection, transaction, who, planId, code, etag, ct);
            var all = await LoadAllAsync(connection, transaction, who, planId, ct);
            var subtree = PlanTrees.Subtree(all, code);
            var parentName = newParent.Length > 0 ? ResourceNames.Parse<ObjectiveName>(newParent, "new_parent") : (ObjectiveName?)null;
            var parent = parentName is { } named && named.PlanId == planId ? all.FirstOrDefault(r => r.Code == named.Code) : null;
            ObjectivePlacement.CheckMove(plan, current, subtree, parentName, parent);

            var depth = parent is null ? 0 : parent.Depth + 1;
            var delta = depth - current.Depth;
            var next = current with
            {
                ParentCode = parent?.Code, Depth = depth, Version = current.Version + 1,
                UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = who.UserId,
            };
            await connection.ExecuteVersionedAsync(transaction, """
                UPDATE objectives SET parent_code = @ParentCode, depth = @Depth, version = @Version,
                    updated_at = @UpdatedAt, updated_by = @UpdatedBy
                WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code = @Code AND version = @Version - 1
                """, next, next.ResourceName, ct);
            if (delta != 0)
                foreach (var codes in subtree.Where(r => r.Code != code).Select(r => r.Code).Chunk(MaxCodesPerStatement))
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE objectives SET depth = depth + @Delta WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code IN @Codes",
                        new { Delta = delta, who.TenantId, PlanId = planId, Codes = codes }, transaction, cancellationToken: ct));
            var proto = next.ToProto();
            await audit.WriteAsync(connection, transaction, who, next.ResourceName, "move",
                AuditLog.Diff(ObjectiveFields.Flatten(current.ToProto()), ObjectiveFields.Flatten(proto)), ct);
            return proto;
        }, ct);
    }

    private static async Task WriteTermsAsync(DbConnection connection, DbTransaction transaction, ObjectiveRow row,
        Objective objective, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM objective_terms WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code = @Code",
            row, transaction, cancellationToken: ct));
        var terms = row.Terms(objective)
            .Select(t => new { row.TenantId, row.PlanId, row.Code, t.Kind, t.Value }).ToList();
        if (terms.Count > 0)
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO objective_terms (tenant_id, plan_id, code, kind, value)
                VALUES (@TenantId, @PlanId, @Code, @Kind, @Value)
                """, terms, transaction, cancellationToken: ct));
    }

    internal static Task<ObjectiveRow?> LoadAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who,
        string planId, string code, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<ObjectiveRow>(new CommandDefinition(
            $"SELECT {ObjectiveRow.Columns} FROM objectives WHERE tenant_id = @TenantId AND plan_id = @PlanId AND code = @Code",
            new { who.TenantId, PlanId = planId, Code = code }, transaction, cancellationToken: ct));

    internal static async Task<IReadOnlyList<ObjectiveRow>> LoadAllAsync(DbConnection connection, DbTransaction transaction,
        RequestIdentity who, string planId, CancellationToken ct) =>
        (await connection.QueryAsync<ObjectiveRow>(new CommandDefinition(
            $"SELECT {ObjectiveRow.Columns} FROM objectives WHERE tenant_id = @TenantId AND plan_id = @PlanId ORDER BY sort_key",
            new { who.TenantId, PlanId = planId }, transaction, cancellationToken: ct))).AsList();

    private static async Task<ObjectiveRow> LoadForWriteAsync(DbConnection connection, DbTransaction transaction,
        RequestIdentity who, string planId, string code, string? etag, CancellationToken ct)
    {
        var row = await LoadAsync(connection, transaction, who, planId, code, ct)
            ?? throw ApiErrors.NotFound(ObjectiveName.Format(planId, code));
        Etags.Check(etag, row.Version, row.ResourceName);
        return row;
    }
}
